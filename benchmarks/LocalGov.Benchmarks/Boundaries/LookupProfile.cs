using LocalGov.Boundaries;
using LocalGov.Boundaries.Resolving;

namespace LocalGov.Benchmarks.Boundaries;

/// <summary>
/// Not a benchmark: counts, for the 188,880 centroids on each layer of the four-layer set, how many fall in a pure cell (one
/// read answers) and, in mixed cells, how many runs and edges a lookup walks. It explains the gap to the floor.
/// </summary>
internal static class LookupProfile
{
    public static void Print(string dataset)
    {
        var resolver = BoundaryResolver.Build(LayeredResolverBenchmarks.FourLayers(dataset), new BoundaryResolverOptions { MaxDegreeOfParallelism = 1 });
        var (xs, ys) = BoundaryBenchmarkData.Points(dataset, BoundaryBenchmarkData.Shuffled);
        var s = resolver.Statistics;
        Console.WriteLine($"{dataset}, four layers: {s.IndexBytes:N0} B, {s.BytesPerVertex:F1} B/vertex");
        for (var layer = 0; layer < resolver.LayerCount; layer++)
        {
            Print($"{dataset} {resolver.LayerNames[layer]}", resolver.Grids[layer], xs, ys);
        }

        if (resolver.Directory is { } directory)
        {
            Print(dataset, resolver, directory, xs, ys);
        }
    }

    private static void Print(string dataset, BoundaryResolver resolver, LayerDirectory directory, double[] xs, double[] ys)
    {
        var layers = resolver.LayerCount;
        long withRow = 0, whole = 0;
        var lookUps = new long[layers];
        for (var i = 0; i < xs.Length; i++)
        {
            var row = directory.RowOf(xs[i], ys[i]);
            if (row < 0)
            {
                continue;
            }

            withRow++;
            var all = true;
            for (var l = 0; l < layers; l++)
            {
                if (directory.Rows[(row * layers) + l] == LayerDirectory.LookUp)
                {
                    lookUps[l]++;
                    all = false;
                }
            }

            whole += all ? 1 : 0;
        }

        Console.WriteLine($"{dataset} directory over {resolver.LayerNames[directory.Primary]}: {directory.Rows.Length / layers:N0} rows; of {xs.Length:N0} centroids {withRow:N0} in a primary cell with a row (pure, or mixed with a marker), " +
            $"{whole:N0} ({100.0 * whole / xs.Length:F1} %) answered on every layer by its row; left to the layer's grid: " +
            string.Join(", ", Enumerable.Range(0, layers).Select(l => $"{resolver.LayerNames[l]} {lookUps[l]:N0}")) + ".");
    }

    private static void Print(string name, GridIndex grid, double[] xs, double[] ys)
    {
        long outside = 0, pure = 0, mixed = 0, runs = 0, edges = 0, points = 0;
        for (var i = 0; i < xs.Length; i++)
        {
            var cell = grid.CellOf(xs[i], ys[i]);
            if (cell < 0)
            {
                outside++;
                continue;
            }

            var v = grid.Cells[cell];
            if (v >= GridIndex.None)
            {
                pure++;
                continue;
            }

            mixed++;
            var p = -v - 2;
            var runCount = GridIndex.RunCount(grid.CellData, ref p);
            var answer = grid.Locate(xs[i], ys[i]);
            for (var r = 0; r < runCount; r++)
            {
                var area = grid.CellData[p++];
                var chains = grid.CellData[p++] >> 1;
                runs++;
                for (var k = 0; k < chains; k++)
                {
                    var count = grid.CellData[p + 1];
                    points += count;
                    edges += count - 1;
                    p += 2;
                }

                if (area == answer)
                {
                    // The lookup stops at the run that holds the point.
                    break;
                }
            }
        }

        Console.WriteLine($"{name}: {grid.Nx * (long)grid.Ny:N0} cells ({grid.MixedCells:N0} mixed), {grid.Bytes / (double)Math.Max(grid.VertexCount, 1):F1} B/vertex; " +
            $"of {xs.Length:N0} centroids {outside:N0} outside the grid, {pure:N0} in pure cells ({100.0 * pure / xs.Length:F1} %), {mixed:N0} in mixed cells; " +
            $"a mixed-cell lookup walks {(double)runs / Math.Max(mixed, 1):F2} runs and {(double)edges / Math.Max(mixed, 1):F1} edges ({(double)points / Math.Max(mixed, 1):F1} points) on average.");
    }
}
