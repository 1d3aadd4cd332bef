using System.Text;

namespace LocalGov.Cli.Infrastructure;

/// <summary>
/// Reads lines of an input file or stdin with a cap on their length, counting 1-based line numbers, so a file that
/// is one enormous line is refused with its line number instead of being read into memory.
/// </summary>
internal sealed class BoundedLineReader(TextReader reader, string source, int maxLineLength)
{
    private readonly char[] _buffer = new char[16 * 1024];
    private readonly StringBuilder _line = new();
    private int _start;
    private int _end;
    private bool _finished;

    /// <summary>The 1-based number of the line last returned.</summary>
    public int LineNumber { get; private set; }

    public string Source => source;

    public async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        if (_finished)
        {
            return null;
        }

        _line.Clear();
        var any = false;
        while (true)
        {
            if (_start == _end)
            {
                _start = 0;
                _end = await reader.ReadAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                if (_end == 0)
                {
                    _finished = true;
                    if (!any)
                    {
                        return null;
                    }

                    LineNumber++;
                    return _line.ToString();
                }
            }

            any = true;
            var span = _buffer.AsSpan(_start, _end - _start);
            var newline = span.IndexOf('\n');
            var take = newline < 0 ? span : span[..newline];
            if (_line.Length + take.Length > maxLineLength)
            {
                throw new FormatException($"{source}, line {LineNumber + 1}: the line is longer than {maxLineLength} characters; it was not read further.");
            }

            _line.Append(take);
            if (newline < 0)
            {
                _start = _end;
                continue;
            }

            _start += newline + 1;
            LineNumber++;
            if (_line.Length > 0 && _line[^1] == '\r')
            {
                _line.Length--;
            }

            return _line.ToString();
        }
    }
}
