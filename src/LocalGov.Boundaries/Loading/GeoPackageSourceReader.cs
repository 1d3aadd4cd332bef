using System.Globalization;
using Microsoft.Data.Sqlite;
using NetTopologySuite.IO;

namespace LocalGov.Boundaries.Loading;

/// <summary>Reads one feature table of an OGC GeoPackage (SQLite) with NetTopologySuite.IO.GeoPackage.</summary>
internal static class GeoPackageSourceReader
{
    public static RawSource Read(string path, BoundaryLoadOptions options)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"GeoPackage not found: {path}", path);
        }

        using var deadline = new CancellationTokenSource(options.MaxQueryTime);
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();

            // A feature table may be a view, and a view may be endless (a recursive CTE) or very slow: SQLite is
            // interrupted at the deadline, whatever query it is in. One value may not exceed 256 MiB.
            using var interrupt = deadline.Token.Register(() => SQLitePCL.raw.sqlite3_interrupt(connection.Handle));
            SQLitePCL.raw.sqlite3_limit(connection.Handle, SQLitePCL.raw.SQLITE_LIMIT_LENGTH, 256 * 1024 * 1024);
            var tables = new List<(string Table, string Column, int Srs)>();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT table_name, column_name, srs_id FROM gpkg_geometry_columns ORDER BY table_name";
                using var reader = command.ExecuteReader();
                while (reader.Read())
                {
                    tables.Add((reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
                }
            }

            if (tables.Count == 0)
            {
                throw new BoundaryFileException(path, null, null, "the GeoPackage has no feature table");
            }

            var chosen = options.GeoPackageTable is null
                ? tables[0]
                : tables.FirstOrDefault(t => string.Equals(t.Table, options.GeoPackageTable, StringComparison.OrdinalIgnoreCase));
            if (chosen.Table is null)
            {
                throw new BoundaryFileException(path, null, null, $"no feature table '{options.GeoPackageTable}'; tables are: {string.Join(", ", tables.Select(t => t.Table))}");
            }

            int? epsg = null;
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT organization, organization_coordsys_id FROM gpkg_spatial_ref_sys WHERE srs_id = $id";
                command.Parameters.AddWithValue("$id", chosen.Srs);
                using var reader = command.ExecuteReader();
                if (reader.Read() && string.Equals(reader.GetString(0), "EPSG", StringComparison.OrdinalIgnoreCase))
                {
                    epsg = reader.GetInt32(1);
                }
            }

            var geoReader = new GeoPackageGeoReader();
            var features = new List<RawFeature>();
            List<string> fields = [];
            using (var command = connection.CreateCommand())
            {
                command.CommandText = $"SELECT * FROM \"{chosen.Table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
                using var reader = command.ExecuteReader();
                var geometryOrdinal = reader.GetOrdinal(chosen.Column);
                fields = [.. Enumerable.Range(0, reader.FieldCount).Where(i => i != geometryOrdinal).Select(reader.GetName)];
                var number = 0;
                while (reader.Read())
                {
                    number++;
                    if (number > options.MaxFeatures)
                    {
                        throw new BoundaryFileException(path, null, number, $"table {chosen.Table} has more than {options.MaxFeatures} rows (MaxFeatures); is it an endless view?");
                    }

                    var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    foreach (var field in fields)
                    {
                        var value = reader.GetValue(reader.GetOrdinal(field));
                        values[field] = value is DBNull ? null : value;
                    }

                    NetTopologySuite.Geometries.Geometry? geometry = null;
                    if (!reader.IsDBNull(geometryOrdinal))
                    {
                        try
                        {
                            var blob = (byte[])reader.GetValue(geometryOrdinal);
                            var problem = GeometryGuards.GeoPackageWkbOffset(blob, out var wkbOffset)
                                ?? (((blob[3] & 0x10) != 0) ? null : GeometryGuards.CheckWkb(blob.AsSpan(wkbOffset), options.MaxNestingDepth));
                            if (problem is not null)
                            {
                                throw new BoundaryFileException(path, null, number, $"table {chosen.Table}: damaged geometry blob: {problem}");
                            }

                            geometry = geoReader.Read(blob);
                        }
                        catch (Exception ex) when (ex is ParseException or ArgumentException or InvalidCastException or IndexOutOfRangeException or EndOfStreamException or InvalidOperationException)
                        {
                            throw new BoundaryFileException(path, null, number, $"table {chosen.Table}: unreadable geometry blob: {CsvSourceReader.ParseProblem(ex)}", ex);
                        }
                    }

                    features.Add(new RawFeature(number, null, name => values.TryGetValue(name, out var v) ? v : null, geometry));
                }
            }

            var declared = epsg is null ? $"srs_id {chosen.Srs.ToString(CultureInfo.InvariantCulture)}" : $"EPSG:{epsg.Value.ToString(CultureInfo.InvariantCulture)} (srs_id {chosen.Srs.ToString(CultureInfo.InvariantCulture)})";
            return new RawSource($"{path}#{chosen.Table}", "GeoPackage", fields, features, epsg ?? -1, declared);
        }
        catch (SqliteException ex) when (deadline.IsCancellationRequested)
        {
            throw new BoundaryFileException(path, null, null, $"reading the GeoPackage took longer than {options.MaxQueryTime} (MaxQueryTime) and was stopped; is the feature table an endless or very slow view?", ex);
        }
        catch (SqliteException ex)
        {
            throw new BoundaryFileException(path, null, null, $"not a readable GeoPackage: {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is InvalidOperationException or InvalidCastException or FormatException or OverflowException or IndexOutOfRangeException or ArgumentException)
        {
            // A NULL or a text where the GeoPackage standard puts a name or number (gpkg_geometry_columns, the geometry column).
            throw new BoundaryFileException(path, null, null, $"not a GeoPackage as the standard defines it: its tables hold a value of the wrong type or a missing column ({CsvSourceReader.ParseProblem(ex)})", ex);
        }
    }
}
