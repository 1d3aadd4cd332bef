using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LocalGov.ServiceStandard.Assessments;
using LocalGov.ServiceStandard.Catalogue;
using LocalGov.ServiceStandard.Franchising;

namespace LocalGov.ServiceStandard.Serialization;

/// <summary>Reads and writes standards, assessments, packs and edit lists as JSON, with typed errors.</summary>
public static class ServiceStandardJson
{
    /// <summary>Writes a standard version.</summary>
    /// <param name="standard">The standard version.</param>
    /// <returns>Indented JSON.</returns>
    public static string Serialize(StandardVersion standard) => JsonSerializer.Serialize(standard, ServiceStandardJsonContext.Default.StandardVersion);

    /// <summary>Writes an assessment.</summary>
    /// <param name="assessment">The assessment.</param>
    /// <returns>Indented JSON.</returns>
    public static string Serialize(Assessment assessment) => JsonSerializer.Serialize(assessment, ServiceStandardJsonContext.Default.Assessment);

    /// <summary>Writes a list of assessments.</summary>
    /// <param name="assessments">The assessments.</param>
    /// <returns>Indented JSON.</returns>
    public static string Serialize(IReadOnlyList<Assessment> assessments) => JsonSerializer.Serialize(assessments, ServiceStandardJsonContext.Default.IReadOnlyListAssessment);

    /// <summary>Writes a pack.</summary>
    /// <param name="pack">The pack.</param>
    /// <returns>Indented JSON.</returns>
    public static string Serialize(PeerGroupPack pack) => JsonSerializer.Serialize(pack, ServiceStandardJsonContext.Default.PeerGroupPack);

    /// <summary>Reads a standard version and checks its points (ids unique, numbered 1 to n in order).</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">A name for the document in error messages (file name).</param>
    /// <returns>The standard version.</returns>
    /// <exception cref="InvalidDocumentException">The JSON is invalid or breaks a rule.</exception>
    public static StandardVersion DeserializeStandard(string json, string source = "standard")
    {
        var standard = Read(json, source, ServiceStandardJsonContext.Default.StandardVersion);
        StandardValidation.Validate(standard, source);
        return standard;
    }

    /// <summary>Reads an assessment.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">A name for the document in error messages.</param>
    /// <returns>The assessment.</returns>
    /// <exception cref="InvalidDocumentException">The JSON is invalid, holds a null in a list or a link that is not absolute http(s), or carries a response without a finalisation or challenging a point it does not have.</exception>
    public static Assessment DeserializeAssessment(string json, string source = "assessment")
    {
        var assessment = Read(json, source, ServiceStandardJsonContext.Default.Assessment);
        DocumentRules.Check(assessment, source);
        return assessment;
    }

    /// <summary>Reads a list of assessments.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">A name for the document in error messages.</param>
    /// <returns>The assessments.</returns>
    /// <exception cref="InvalidDocumentException">The JSON is invalid, or one assessment breaks a rule (see <see cref="DeserializeAssessment"/>); the location names which.</exception>
    public static IReadOnlyList<Assessment> DeserializeAssessments(string json, string source = "assessments")
    {
        var assessments = Read(json, source, ServiceStandardJsonContext.Default.IReadOnlyListAssessment);
        for (var i = 0; i < assessments.Count; i++)
        {
            DocumentRules.Check(assessments[i], source, $"$[{i}]");
        }

        return assessments;
    }

    /// <summary>Reads a pack.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">A name for the document in error messages.</param>
    /// <returns>The pack.</returns>
    /// <exception cref="InvalidDocumentException">The JSON is invalid.</exception>
    public static PeerGroupPack DeserializePack(string json, string source = "pack")
    {
        var pack = Read(json, source, ServiceStandardJsonContext.Default.PeerGroupPack);
        DocumentRules.Check(pack, source);
        return pack;
    }

    /// <summary>Reads a list of standard edits (for <see cref="StandardDerivation.Derive"/>).</summary>
    /// <param name="json">The JSON text: an array of edits, each with an <c>op</c> of reword, add, remove or move.</param>
    /// <param name="source">A name for the document in error messages.</param>
    /// <returns>The edits.</returns>
    /// <exception cref="InvalidDocumentException">The JSON is invalid.</exception>
    public static IReadOnlyList<StandardEdit> DeserializeEdits(string json, string source = "edits") =>
        Read(json, source, ServiceStandardJsonContext.Default.IReadOnlyListStandardEdit);

    /// <summary>Reads a list of pack edits (for <see cref="PackFranchise.Derive"/>).</summary>
    /// <param name="json">The JSON text: an array of edits, each with an <c>op</c> of edit-material, add-material, remove-material, add-session, remove-session or replace-agenda.</param>
    /// <param name="source">A name for the document in error messages.</param>
    /// <returns>The edits.</returns>
    /// <exception cref="InvalidDocumentException">The JSON is invalid.</exception>
    public static IReadOnlyList<PackEdit> DeserializePackEdits(string json, string source = "pack edits") =>
        Read(json, source, ServiceStandardJsonContext.Default.IReadOnlyListPackEdit);

    internal static T Read<T>(string json, string source, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(json);
        // A byte order mark that survived decoding (text read without BOM detection) is not part of the document.
        if (json.StartsWith('\uFEFF'))
        {
            json = json[1..];
        }

        try
        {
            DocumentRules.RefuseNullsInArrays(json, source);
            return JsonSerializer.Deserialize(json, typeInfo)
                ?? throw new InvalidDocumentException(source, null, "the document is JSON null");
        }
        catch (JsonException ex)
        {
            throw new InvalidDocumentException(source, ex.Path, ex.Message, ex);
        }
        catch (NotSupportedException ex)
        {
            throw new InvalidDocumentException(source, null, ex.Message, ex);
        }
    }
}
