namespace OpenCcer.Storage.People;

/// <summary>
/// What an API key acts as. Keys issued by an administrator name their organisation and, when issued
/// to a person, that user; the older demo keys name neither.
/// </summary>
public sealed record ApiKeyRecord(string Role, string? SubjectId, string Label, string? OrganisationId, string? UserId);
