namespace LocalGov.ModernGov;

/// <summary>Gives the client for a council registered with <c>AddModernGov</c>.</summary>
public interface IModernGovClientFactory
{
    /// <summary>The names of the registered councils.</summary>
    IReadOnlyCollection<string> CouncilNames { get; }

    /// <summary>The client for <paramref name="councilName"/> (matched ignoring case).</summary>
    /// <param name="councilName">The name given to <c>AddModernGov</c> (a register code when loaded from a registry).</param>
    /// <returns>A client using the council's named HttpClient and resilience pipeline.</returns>
    /// <exception cref="KeyNotFoundException">No council of that name is registered.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The council's options are invalid.</exception>
    IModernGovClient GetClient(string councilName);
}
