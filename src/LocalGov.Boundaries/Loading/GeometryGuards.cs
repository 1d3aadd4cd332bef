using System.Buffers.Binary;
using System.Globalization;
using NetTopologySuite.Geometries;

namespace LocalGov.Boundaries.Loading;

/// <summary>
/// Checks run on untrusted geometry before NetTopologySuite parses it: its readers recurse once per nesting level and
/// allocate what a count field says, so depth and counts are checked here first, without recursion or allocation.
/// </summary>
internal static class GeometryGuards
{
    /// <summary>Why the WKT nests deeper than <paramref name="maxDepth"/> brackets, or null when it does not.</summary>
    public static string? CheckWktDepth(ReadOnlySpan<char> wkt, int maxDepth)
    {
        var depth = 0;
        foreach (var c in wkt)
        {
            if (c == '(' && ++depth > maxDepth)
            {
                return $"the WKT nests deeper than {maxDepth.ToString(CultureInfo.InvariantCulture)} brackets (MaxNestingDepth)";
            }

            if (c == ')')
            {
                depth--;
            }
        }

        return null;
    }

    /// <summary>
    /// Walks (E)WKB without building anything and says what is wrong: a count that needs more bytes than remain, a
    /// collection nested deeper than <paramref name="maxDepth"/>, an unknown type. Null when the structure is sound.
    /// </summary>
    public static string? CheckWkb(ReadOnlySpan<byte> wkb, int maxDepth)
    {
        var position = 0;
        var open = new Stack<long>();
        while (true)
        {
            if (wkb.Length - position < 5)
            {
                return $"the WKB ends at byte {position.ToString(CultureInfo.InvariantCulture)} where a geometry header was expected";
            }

            var order = wkb[position];
            if (order > 1)
            {
                return $"byte {position.ToString(CultureInfo.InvariantCulture)} should be a WKB byte order (0 or 1), not {order.ToString(CultureInfo.InvariantCulture)}";
            }

            var little = order == 1;
            var type = ReadUInt32(wkb, position + 1, little);
            position += 5;
            var dimensions = 2;
            if ((type & 0x80000000) != 0)
            {
                dimensions++;
            }

            if ((type & 0x40000000) != 0)
            {
                dimensions++;
            }

            if ((type & 0x20000000) != 0)
            {
                if (wkb.Length - position < 4)
                {
                    return "the WKB ends inside an SRID";
                }

                position += 4;
            }

            var code = type & 0x0FFFFFFF;
            dimensions += (code / 1000) switch
            {
                1 or 2 => 1,
                3 => 2,
                _ => 0,
            };
            var kind = code % 1000;
            var pointBytes = 8L * dimensions;
            switch (kind)
            {
                case 1:
                    if (!Take(wkb, ref position, pointBytes))
                    {
                        return "the WKB ends inside a point";
                    }

                    break;
                case 2:
                    if (!TakeCounted(wkb, ref position, little, pointBytes, out var lineProblem))
                    {
                        return $"a linestring {lineProblem}";
                    }

                    break;
                case 3:
                    if (!TryCount(wkb, ref position, little, 4, out var rings, out var ringsProblem))
                    {
                        return $"a polygon's ring count {ringsProblem}";
                    }

                    for (var r = 0L; r < rings; r++)
                    {
                        if (!TakeCounted(wkb, ref position, little, pointBytes, out var ringProblem))
                        {
                            return $"ring {(r + 1).ToString(CultureInfo.InvariantCulture)} of a polygon {ringProblem}";
                        }
                    }

                    break;
                case 4 or 5 or 6 or 7:
                    // Each member needs at least a 5-byte header, so a count needing more than remains is refused here.
                    if (!TryCount(wkb, ref position, little, 5, out var members, out var membersProblem))
                    {
                        return $"a collection's member count {membersProblem}";
                    }

                    if (members > 0)
                    {
                        if (open.Count >= maxDepth)
                        {
                            return $"the WKB nests collections deeper than {maxDepth.ToString(CultureInfo.InvariantCulture)} (MaxNestingDepth)";
                        }

                        open.Push(members);
                        continue;
                    }

                    break;
                default:
                    return $"unknown WKB geometry type {type.ToString(CultureInfo.InvariantCulture)}";
            }

            // One geometry is complete: close every collection it completes.
            while (open.Count > 0)
            {
                var left = open.Pop() - 1;
                if (left > 0)
                {
                    open.Push(left);
                    break;
                }
            }

            if (open.Count == 0)
            {
                return null;
            }
        }
    }

    /// <summary>The WKB inside a GeoPackage geometry blob (after its header), or why the header is broken.</summary>
    public static string? GeoPackageWkbOffset(ReadOnlySpan<byte> blob, out int offset)
    {
        offset = 0;
        if (blob.Length < 8 || blob[0] != (byte)'G' || blob[1] != (byte)'P')
        {
            return "not a GeoPackage geometry blob (it does not start with \"GP\" and an 8-byte header)";
        }

        var flags = blob[3];
        if ((flags & 0x20) != 0)
        {
            return "an extended GeoPackage geometry type, which is not supported";
        }

        var envelopeBytes = ((flags >> 1) & 0x07) switch
        {
            0 => 0,
            1 => 32,
            2 or 3 => 48,
            4 => 64,
            var other => -other,
        };
        if (envelopeBytes < 0)
        {
            return $"envelope indicator {(-envelopeBytes).ToString(CultureInfo.InvariantCulture)} in the blob header is not defined";
        }

        offset = 8 + envelopeBytes;
        return blob.Length < offset ? "the blob ends inside its header's envelope" : null;
    }

    /// <summary>The first X/Y that is not finite, or outside the box, with its text; null when all are inside.</summary>
    public static string? FirstCoordinateOutside(Geometry geometry, double minX, double maxX, double minY, double maxY)
    {
        var filter = new RangeFilter(minX, maxX, minY, maxY);
        geometry.Apply(filter);
        return filter.Problem;
    }

    private static bool Take(ReadOnlySpan<byte> wkb, ref int position, long bytes)
    {
        if (wkb.Length - position < bytes)
        {
            return false;
        }

        position += (int)bytes;
        return true;
    }

    private static bool TakeCounted(ReadOnlySpan<byte> wkb, ref int position, bool little, long itemBytes, out string problem)
    {
        if (!TryCount(wkb, ref position, little, itemBytes, out var count, out problem))
        {
            return false;
        }

        position += (int)(count * itemBytes);
        return true;
    }

    private static bool TryCount(ReadOnlySpan<byte> wkb, ref int position, bool little, long itemBytes, out long count, out string problem)
    {
        count = 0;
        problem = string.Empty;
        if (wkb.Length - position < 4)
        {
            problem = "is cut off by the end of the WKB";
            return false;
        }

        count = ReadUInt32(wkb, position, little);
        position += 4;
        var remaining = wkb.Length - position;
        if (count * itemBytes > remaining)
        {
            problem = $"says {count.ToString(CultureInfo.InvariantCulture)}, which needs at least {(count * itemBytes).ToString(CultureInfo.InvariantCulture)} bytes, but only {remaining.ToString(CultureInfo.InvariantCulture)} remain";
            return false;
        }

        return true;
    }

    private static uint ReadUInt32(ReadOnlySpan<byte> bytes, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(bytes[at..]) : BinaryPrimitives.ReadUInt32BigEndian(bytes[at..]);

    private sealed class RangeFilter(double minX, double maxX, double minY, double maxY) : ICoordinateSequenceFilter
    {
        public string? Problem { get; private set; }

        public bool Done => Problem is not null;

        public bool GeometryChanged => false;

        public void Filter(CoordinateSequence seq, int i)
        {
            var x = seq.GetX(i);
            var y = seq.GetY(i);
            if (!double.IsFinite(x) || !double.IsFinite(y) || x < minX || x > maxX || y < minY || y > maxY)
            {
                Problem = string.Create(CultureInfo.InvariantCulture, $"({x:R}, {y:R})");
            }
        }
    }
}
