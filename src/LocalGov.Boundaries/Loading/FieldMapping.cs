using System.Text.RegularExpressions;

namespace LocalGov.Boundaries.Loading;

/// <summary>Chooses the code, name and parent fields from what a source has, by option or by the ONS/Boundary-Line conventions.</summary>
internal sealed partial record FieldMapping(string CodeField, string? NameField, string? ParentCodeField)
{
    private static readonly string[] CodeFallbacks = ["CODE", "gss_code", "areacd", "id"];
    private static readonly string[] NameFallbacks = ["NAME", "areanm"];
    private static readonly string[] ParentFallbacks = ["parentcd", "parent_code"];

    public static FieldMapping Choose(IReadOnlyList<string> fields, BoundaryLoadOptions options, string source)
    {
        string? Find(string name) => fields.FirstOrDefault(f => string.Equals(f, name, StringComparison.OrdinalIgnoreCase));

        string Require(string name, string role) => Find(name) ?? throw new BoundaryFileException(
            source, null, null, $"the {role} field '{name}' is not in the source; fields are: {string.Join(", ", fields)}");

        var code = options.CodeField is not null
            ? Require(options.CodeField, "code")
            : fields.FirstOrDefault(f => OnsCode().IsMatch(f)) ?? CodeFallbacks.Select(Find).FirstOrDefault(f => f is not null)
              ?? throw new BoundaryFileException(source, null, null, $"no code field found (looked for XXnnCD, {string.Join(", ", CodeFallbacks)}); name one with CodeField. Fields are: {string.Join(", ", fields)}");

        var ons = OnsCode().Match(code);
        string? name;
        if (options.NameField is not null)
        {
            name = Require(options.NameField, "name");
        }
        else
        {
            name = ons.Success ? Find(ons.Groups[1].Value + ons.Groups[2].Value + "NM") : null;
            name ??= NameFallbacks.Select(Find).FirstOrDefault(f => f is not null);
        }

        string? parent;
        if (options.ParentCodeField is not null)
        {
            parent = Require(options.ParentCodeField, "parent code");
        }
        else
        {
            parent = ons.Success && !ons.Groups[1].Value.Equals("LAD", StringComparison.OrdinalIgnoreCase)
                ? fields.FirstOrDefault(f => LadCode().IsMatch(f))
                : null;
            parent ??= ParentFallbacks.Select(Find).FirstOrDefault(f => f is not null);
        }

        return new FieldMapping(code, name, parent);
    }

    [GeneratedRegex("^([A-Za-z]+)([0-9]{2})CD$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OnsCode();

    [GeneratedRegex("^LAD[0-9]{2}CD$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LadCode();
}
