using static LocalGov.Boundaries.Tests.Resolving.TestSets;

namespace LocalGov.Boundaries.Tests.Resolving;

public sealed class IndexFileTests
{
    private static readonly BoundarySet Parishes = Set(
        BoundaryCrs.BritishNationalGrid,
        ("E04000001", "POLYGON ((400000 200000, 401000 200000, 401000 201000, 400000 201000, 400000 200000))"),
        ("E43000001", "POLYGON ((401000 200000, 402000 200000, 401500 201000, 401000 201000, 401000 200000))"));

    private static readonly BoundarySet Districts = Set(
        BoundaryCrs.BritishNationalGrid,
        ("E07000004", "POLYGON ((399000 199000, 404000 199000, 404000 202000, 399000 202000, 399000 199000))"));

    private static byte[] Saved()
    {
        using var stream = new MemoryStream();
        ParishResolver.Build(Parishes, Districts).Save(stream);
        return stream.ToArray();
    }

    [Fact]
    public void A_saved_index_loads_and_answers_the_same()
    {
        var original = ParishResolver.Build(Parishes, Districts);
        var loaded = ParishResolver.Load(new MemoryStream(Saved()));

        Assert.Equal(original.Crs, loaded.Crs);
        Assert.Equal(original.Areas, loaded.Areas);
        Assert.Equal(original.Statistics, loaded.Statistics);
        var random = new Random(3);
        for (var i = 0; i < 10_000; i++)
        {
            var x = 398_500 + (random.NextDouble() * 6000);
            var y = 198_500 + (random.NextDouble() * 4000);
            Assert.Equal(original.Resolve(x, y).Code, loaded.Resolve(x, y).Code);
        }
    }

    [Fact]
    public void A_file_path_round_trips()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lgb-{Guid.NewGuid():N}.idx");
        try
        {
            ParishResolver.Build(Parishes).Save(path);
            Assert.Equal("E43000001", ParishResolver.Load(path).Resolve(401200, 200500).Code);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Another_file_is_not_an_index()
    {
        var ex = Assert.Throws<BoundaryIndexFileException>(() => ParishResolver.Load(new MemoryStream("hello, this is not an index"u8.ToArray())));
        Assert.Contains("not a LocalGov.Boundaries index", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_format_version_is_refused()
    {
        var bytes = Saved();
        bytes[8] = 99;

        var ex = Assert.Throws<BoundaryIndexFileException>(() => ParishResolver.Load(new MemoryStream(bytes)));
        Assert.Contains("version 99", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_file_is_refused()
    {
        var bytes = Saved();

        foreach (var length in new[] { 10, bytes.Length / 2, bytes.Length - 1 })
        {
            Assert.Throws<BoundaryIndexFileException>(() => ParishResolver.Load(new MemoryStream(bytes[..length])));
        }
    }

    [Fact]
    public void Any_flipped_byte_is_detected()
    {
        var bytes = Saved();
        for (var i = 12; i < bytes.Length; i += Math.Max(1, bytes.Length / 200))
        {
            var copy = (byte[])bytes.Clone();
            copy[i] ^= 0x5A;
            Assert.Throws<BoundaryIndexFileException>(() => ParishResolver.Load(new MemoryStream(copy)));
        }
    }
}
