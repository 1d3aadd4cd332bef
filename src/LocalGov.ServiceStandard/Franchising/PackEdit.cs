using System.Text.Json.Serialization;

namespace LocalGov.ServiceStandard.Franchising;

/// <summary>One recorded change to a pack. In JSON the kind is the <c>op</c> member.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "op")]
[JsonDerivedType(typeof(EditMaterial), "edit-material")]
[JsonDerivedType(typeof(AddMaterial), "add-material")]
[JsonDerivedType(typeof(RemoveMaterial), "remove-material")]
[JsonDerivedType(typeof(AddSession), "add-session")]
[JsonDerivedType(typeof(RemoveSession), "remove-session")]
[JsonDerivedType(typeof(ReplaceAgenda), "replace-agenda")]
public abstract record PackEdit
{
    /// <summary>The session the edit is about.</summary>
    public required string SessionId { get; init; }

    /// <summary>Why the edit was made.</summary>
    public string? Reason { get; init; }

    /// <summary>A one-line description of the edit.</summary>
    /// <returns>The description.</returns>
    public abstract string Describe();
}
