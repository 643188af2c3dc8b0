using OpenCcer.Core.Lifecycle;
namespace OpenCcer.Storage.People;

/// <summary>
/// A legal person or organisation known to the registry. <see cref="SubjectId"/> is its unified social
/// credit code, unique; <see cref="Role"/> is one of <see cref="Roles.OrganisationRoles"/> and is the role
/// every one of its people and keys acts in.
/// </summary>
public sealed record OrganisationRecord(string Id, string SubjectId, string Name, string Role, string CreatedAt);
