using Microsoft.Data.Sqlite;

namespace LocalGov.Boundaries.Tests.Robustness;

/// <summary>Minimal GeoPackages: the two metadata tables and one feature table (or view) named <c>parishes</c>.</summary>
internal static class GeoPackages
{
    public static void Create(string path, string featureTableSql, params (string Code, byte[] Blob)[] rows)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT, srs_id INTEGER PRIMARY KEY, organization TEXT, organization_coordsys_id INTEGER, definition TEXT);
            INSERT INTO gpkg_spatial_ref_sys VALUES ('OSGB36 / British National Grid', 27700, 'EPSG', 27700, '');
            CREATE TABLE gpkg_geometry_columns (table_name TEXT, column_name TEXT, geometry_type_name TEXT, srs_id INTEGER, z INTEGER, m INTEGER);
            INSERT INTO gpkg_geometry_columns VALUES ('parishes', 'geom', 'POLYGON', 27700, 0, 0);
            """ + featureTableSql + ";";
        command.ExecuteNonQuery();
        foreach (var (code, blob) in rows)
        {
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO parishes (code, geom) VALUES ($c, $g)";
            insert.Parameters.AddWithValue("$c", code);
            insert.Parameters.AddWithValue("$g", blob);
            insert.ExecuteNonQuery();
        }
    }
}
