using Microsoft.Extensions.Options;

namespace LocalGov.ServiceStandard.DependencyInjection;

/// <summary>Checks at start-up that a configured standards folder exists.</summary>
internal sealed class ServiceStandardOptionsValidator : IValidateOptions<ServiceStandardOptions>
{
    public ValidateOptionsResult Validate(string? name, ServiceStandardOptions options) =>
        options.AdditionalStandardsFolder is { } folder && !Directory.Exists(folder)
            ? ValidateOptionsResult.Fail($"{nameof(ServiceStandardOptions.AdditionalStandardsFolder)} '{folder}' does not exist.")
            : ValidateOptionsResult.Success;
}
