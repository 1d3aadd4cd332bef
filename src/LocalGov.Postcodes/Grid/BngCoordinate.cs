namespace LocalGov.Postcodes.Grid;

/// <summary>A British National Grid (EPSG:27700) position in metres.</summary>
/// <param name="Easting">Metres east of the grid's false origin.</param>
/// <param name="Northing">Metres north of the grid's false origin.</param>
public readonly record struct BngCoordinate(double Easting, double Northing);
