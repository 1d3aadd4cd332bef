using System.Globalization;
using System.Text;

namespace LocalGov.ModernGov;

/// <summary>
/// Reads a CSV of Modern.Gov councils, so an application can register hundreds at once. Columns are found by name
/// in the header: <c>register_code</c>, <c>official_name</c> and <c>base_url</c> are required; <c>territory</c>,
/// <c>org_subtype</c>, <c>end_date</c> (yyyy-MM-dd), <c>lgsf_disabled</c> and <c>lgsf_verify_ssl_off</c> are read when
/// present (the format of Democracy Club's LGSF-derived list). Fields may be quoted.
/// </summary>
public static class ModernGovCouncilRegistry
{
    /// <summary>Reads the registry file at <paramref name="path"/>.</summary>
    /// <param name="path">A CSV file.</param>
    /// <returns>The councils, in file order.</returns>
    /// <exception cref="ModernGovRegistryException">A required column is missing or a line is malformed.</exception>
    public static IReadOnlyList<ModernGovCouncil> Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Parse(reader);
    }

    /// <summary>Reads a registry from <paramref name="reader"/>.</summary>
    /// <param name="reader">CSV text with a header line.</param>
    /// <returns>The councils, in file order.</returns>
    /// <exception cref="ModernGovRegistryException">A required column is missing or a line is malformed.</exception>
    public static IReadOnlyList<ModernGovCouncil> Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine() ?? throw new ModernGovRegistryException("The registry is empty: a header line is required", 1, null);
        var columns = SplitLine(header.TrimStart('\uFEFF'), 1);
        int Column(string name, bool required)
        {
            var index = columns.FindIndex(c => c.Trim().Equals(name, StringComparison.OrdinalIgnoreCase));
            return index < 0 && required ? throw new ModernGovRegistryException($"The registry has no '{name}' column", 1, null) : index;
        }

        var code = Column("register_code", true);
        var name = Column("official_name", true);
        var baseUrl = Column("base_url", true);
        var territory = Column("territory", false);
        var subtype = Column("org_subtype", false);
        var endDate = Column("end_date", false);
        var disabled = Column("lgsf_disabled", false);
        var tls = Column("lgsf_verify_ssl_off", false);

        var councils = new List<ModernGovCouncil>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = SplitLine(line, lineNumber);
            string? Field(int index) => index >= 0 && index < fields.Count && !string.IsNullOrWhiteSpace(fields[index]) ? fields[index].Trim() : null;

            var councilCode = Field(code) ?? throw new ModernGovRegistryException("The register_code is empty", lineNumber, null);
            var url = Field(baseUrl) ?? throw new ModernGovRegistryException($"Council {councilCode} has no base_url", lineNumber, null);
            Uri normalised;
            try
            {
                normalised = ModernGovBaseUrl.Normalise(url);
            }
            catch (ArgumentException ex)
            {
                throw new ModernGovRegistryException($"Council {councilCode} has an invalid base_url '{url}'", lineNumber, ex);
            }

            DateOnly? ends = null;
            if (Field(endDate) is { } endText)
            {
                ends = DateOnly.TryParseExact(endText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                    ? parsed
                    : throw new ModernGovRegistryException($"Council {councilCode} has an end_date '{endText}' that is not yyyy-MM-dd", lineNumber, null);
            }

            councils.Add(new ModernGovCouncil
            {
                Code = councilCode,
                Name = Field(name) ?? councilCode,
                BaseUrl = normalised,
                Territory = Field(territory),
                OrganisationType = Field(subtype),
                EndDate = ends,
                IsDisabled = ModernGovText.ParseBool(Field(disabled)) ?? false,
                HasTlsProblems = ModernGovText.ParseBool(Field(tls)) ?? false,
            });
        }

        return councils;
    }

    private static List<string> SplitLine(string line, int lineNumber)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < line.Length && line[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new ModernGovRegistryException("A quoted field is not closed", lineNumber, null);
        }

        fields.Add(field.ToString());
        return fields;
    }
}
