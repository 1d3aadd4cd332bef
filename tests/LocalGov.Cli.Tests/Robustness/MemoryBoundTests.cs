using Microsoft.Data.Sqlite;

namespace LocalGov.Cli.Tests.Robustness;

/// <summary>Runs alone, so the process-wide allocation count measures only the command under test.</summary>
[CollectionDefinition(nameof(MemoryBoundTests), DisableParallelization = true)]
public sealed class MemoryBoundGroup;

/// <summary>Enormous single-line inputs are refused at the line cap, in bounded memory.</summary>
[Collection(nameof(MemoryBoundTests))]
public sealed class MemoryBoundTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("lg-memory-").FullName;

    public MemoryBoundTests() => File.WriteAllText(PathOf("ok.csv"), "code,name,wkt\nE04000001,Ok,\"POLYGON((400000 100000, 400100 100000, 400100 100100, 400000 100100, 400000 100000))\"\n");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private string PathOf(string name) => Path.Combine(_folder, name);

    private async Task WriteLongLineAsync(string path, string start)
    {
        using var writer = new StreamWriter(path);
        await writer.WriteAsync(start);
        var chunk = new string('9', 1 << 20);
        for (var i = 0; i < 64; i++)
        {
            await writer.WriteAsync(chunk);
        }
    }

    [Fact]
    public async Task A_single_enormous_input_line_is_refused_with_its_line_number()
    {
        // 64 MB on one line: refused at the cap, not read into memory.
        await WriteLongLineAsync(PathOf("points.csv"), "x,y\n400050,100050\n");

        var before = GC.GetTotalAllocatedBytes();
        var result = await CliRunner.RunAsync("boundaries", "resolve", "--parishes", PathOf("ok.csv"), "--input", PathOf("points.csv"));
        var allocated = GC.GetTotalAllocatedBytes() - before;
        HostileBoundaryInputTests.AssertCleanFailure(result, 4, "line 3", "longer than");
        Assert.True(allocated < 48L << 20, $"allocated {allocated:N0} bytes for a 64 MB line");
    }


    [Fact]
    public async Task A_single_enormous_postcode_line_is_refused_with_its_line_number()
    {
        await WriteLongLineAsync(PathOf("postcodes.txt"), "SW1A 1AA\n\n");
        var before = GC.GetTotalAllocatedBytes();

        // The line is refused before any request; the URL is never called.
        var result = await CliRunner.RunAsync("postcode", "bulk", "--input", PathOf("postcodes.txt"), "--url", "http://127.0.0.1:9/");
        var allocated = GC.GetTotalAllocatedBytes() - before;
        HostileBoundaryInputTests.AssertCleanFailure(result, 4, "line 3", "longer than");
        Assert.True(allocated < 48L << 20, $"allocated {allocated:N0} bytes for a 64 MB line");
    }
}
