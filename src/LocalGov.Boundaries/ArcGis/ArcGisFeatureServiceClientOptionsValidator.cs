using Microsoft.Extensions.Options;

namespace LocalGov.Boundaries.ArcGis;

/// <summary>Validates <see cref="ArcGisFeatureServiceClientOptions"/> at start-up (source-generated from its attributes).</summary>
[OptionsValidator]
internal sealed partial class ArcGisFeatureServiceClientOptionsValidator : IValidateOptions<ArcGisFeatureServiceClientOptions>;
