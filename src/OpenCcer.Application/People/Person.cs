namespace OpenCcer.Application.People;

/// <summary>
/// A person acting for their organisation: a signed-in user, or a system using a key issued to that user.
/// Workflow steps (account applications, maker-checker) are recorded against a person; keys without a
/// person cannot take them.
/// </summary>
/// <param name="UserId">The user's id, recorded as initiator or decider.</param>
/// <param name="OrganisationId">The organisation the person acts for.</param>
/// <param name="SubjectId">The organisation's unified social credit code.</param>
public sealed record Person(string UserId, string OrganisationId, string SubjectId);
