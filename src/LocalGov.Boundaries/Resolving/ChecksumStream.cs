using System.Buffers.Binary;

namespace LocalGov.Boundaries.Resolving;

/// <summary>Passes bytes through to an inner stream and keeps a fast 64-bit checksum of them (not cryptographic: it catches corruption, not tampering).</summary>
internal sealed class ChecksumStream(Stream inner) : Stream
{
    private const ulong Multiplier = 0x9E3779B97F4A7C15UL;
    private readonly byte[] _pending = new byte[8];
    private int _pendingCount;
    private ulong _hash = 0xCBF29CE484222325UL;

    public long BytesPassed { get; private set; }

    public ulong Checksum
    {
        get
        {
            var hash = _hash;
            for (var i = 0; i < _pendingCount; i++)
            {
                hash = Mix(hash, _pending[i]);
            }

            return Mix(hash, (ulong)BytesPassed);
        }
    }

    public override bool CanRead => inner.CanRead;

    public override bool CanSeek => false;

    public override bool CanWrite => inner.CanWrite;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesPassed;
        set => throw new NotSupportedException();
    }

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Add(buffer[..read]);
        return read;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        inner.Write(buffer);
        Add(buffer);
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private static ulong Mix(ulong hash, ulong value)
    {
        hash = (hash ^ value) * Multiplier;
        return hash ^ (hash >> 29);
    }

    private void Add(ReadOnlySpan<byte> bytes)
    {
        BytesPassed += bytes.Length;
        while (_pendingCount > 0 && bytes.Length > 0)
        {
            _pending[_pendingCount++] = bytes[0];
            bytes = bytes[1..];
            if (_pendingCount == 8)
            {
                _hash = Mix(_hash, BinaryPrimitives.ReadUInt64LittleEndian(_pending));
                _pendingCount = 0;
            }
        }

        if (_pendingCount > 0)
        {
            return;
        }

        var hash = _hash;
        while (bytes.Length >= 8)
        {
            hash = Mix(hash, BinaryPrimitives.ReadUInt64LittleEndian(bytes));
            bytes = bytes[8..];
        }

        _hash = hash;
        bytes.CopyTo(_pending);
        _pendingCount = bytes.Length;
    }
}
