namespace SpeedingReport.Staff;

/// <summary>How staff can sign in, as decided at start from the settings.</summary>
/// <param name="OpenIdConnect">The council's provider is configured.</param>
/// <param name="Demo">This is the offline demo and its demo account is configured (never true outside the demo).</param>
public sealed record StaffSignInMethods(bool OpenIdConnect, bool Demo);
