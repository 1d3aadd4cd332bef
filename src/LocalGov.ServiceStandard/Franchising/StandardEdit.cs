using System.Text.Json.Serialization;

namespace LocalGov.ServiceStandard.Franchising;

/// <summary>One recorded change to a standard's points. In JSON the kind is the <c>op</c> member.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "op")]
[JsonDerivedType(typeof(RewordPoint), "reword")]
[JsonDerivedType(typeof(AddPoint), "add")]
[JsonDerivedType(typeof(RemovePoint), "remove")]
[JsonDerivedType(typeof(MovePoint), "move")]
public abstract record StandardEdit
{
    /// <summary>The id of the point the edit is about.</summary>
    public required string PointId { get; init; }

    /// <summary>Why the edit was made (shown in lineage and diffs).</summary>
    public string? Reason { get; init; }

    /// <summary>A one-line description of the edit.</summary>
    /// <returns>The description.</returns>
    public abstract string Describe();
}
