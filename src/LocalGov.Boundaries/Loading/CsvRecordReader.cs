using System.Text;

namespace LocalGov.Boundaries.Loading;

/// <summary>Reads RFC 4180 records (quoted fields, doubled quotes, line breaks inside quotes) and tracks the line each starts on.</summary>
internal sealed class CsvRecordReader(TextReader reader, string source, int maxRecordLength = int.MaxValue)
{
    private readonly StringBuilder _field = new();
    private int _line = 1;
    private long _recordLength;

    /// <summary>The 1-based line the last record started on.</summary>
    public int RecordLine { get; private set; }

    public List<string>? Read()
    {
        if (reader.Peek() < 0)
        {
            return null;
        }

        RecordLine = _line;
        var fields = new List<string>();
        _field.Clear();
        var quoted = false;
        var wasQuoted = false;
        _recordLength = 0;
        while (true)
        {
            var c = reader.Read();
            if (++_recordLength > maxRecordLength)
            {
                // Said before the rest is read, so a 1 GB line costs no more memory than the cap.
                throw new BoundaryFileException(source, RecordLine, null, $"the record is longer than {maxRecordLength} characters (MaxCsvRecordLength)");
            }

            if (quoted)
            {
                if (c < 0)
                {
                    throw new BoundaryFileException(source, RecordLine, null, "a quoted field is not closed before the end of the file");
                }

                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        _field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        _line++;
                    }

                    _field.Append((char)c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when _field.Length == 0 && !wasQuoted:
                    quoted = true;
                    wasQuoted = true;
                    break;
                case ',':
                    fields.Add(_field.ToString());
                    _field.Clear();
                    wasQuoted = false;
                    break;
                case '\r':
                    break;
                case '\n' or -1:
                    if (c == '\n')
                    {
                        _line++;
                    }

                    fields.Add(_field.ToString());
                    return fields;
                default:
                    _field.Append((char)c);
                    break;
            }
        }
    }
}
