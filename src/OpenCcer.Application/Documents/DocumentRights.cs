using OpenCcer.Core.Lifecycle;
using OpenCcer.Storage.Documents;
using OpenCcer.Storage.Lifecycle;

namespace OpenCcer.Application.Documents;

/// <summary>
/// Who may upload and see a project's documents. The project owner uploads design documents, monitoring
/// reports and evidence; the VVB named to validate the project uploads its validation report, and the VVB
/// named to verify a reduction its verification report. Before a document is disclosed only the owner, the
/// VVBs named on the project or its reductions, the registry and the regulator see it.
/// </summary>
public static class DocumentRights
{
    public static bool IsOwner(Caller caller, ProjectRecord project) =>
        caller.Role == Role.ProjectOwner && caller.SubjectId is not null && caller.SubjectId == project.OwnerSubjectId;

    public static bool IsVvbOf(Caller caller, ProjectRecord project, IReadOnlyList<ReductionRecord> reductions) =>
        caller.Role == Role.Vvb && caller.SubjectId is { } s && (s == project.VvbSubjectId || reductions.Any(x => x.VvbSubjectId == s));

    /// <summary>Whether the caller may upload to the project at all (its owner or a VVB named on it); checked before the body is read.</summary>
    public static bool MayUploadTo(Caller caller, ProjectRecord project, IReadOnlyList<ReductionRecord> reductions) =>
        IsOwner(caller, project) || IsVvbOf(caller, project, reductions);

    public static bool MaySeeUndisclosed(Caller caller, ProjectRecord project, IReadOnlyList<ReductionRecord> reductions) =>
        caller.IsRegistryOrRegulator || IsOwner(caller, project) || IsVvbOf(caller, project, reductions);

    /// <summary>Whether the caller may upload a document of <paramref name="kind"/> to the project (and reduction).</summary>
    public static bool MayUpload(Caller caller, DocumentKind kind, ProjectRecord project, ReductionRecord? reduction) => kind switch
    {
        DocumentKind.ValidationReport => caller.Role == Role.Vvb && caller.SubjectId is not null && caller.SubjectId == project.VvbSubjectId,
        DocumentKind.VerificationReport => caller.Role == Role.Vvb && caller.SubjectId is not null && caller.SubjectId == reduction?.VvbSubjectId,
        _ => IsOwner(caller, project),
    };

    /// <summary>The refusal of an upload of <paramref name="kind"/> by someone else.</summary>
    public static Refusal NotYours(DocumentKind kind) => Refusals.Forbidden(kind switch
    {
        DocumentKind.ValidationReport => "Only the VVB named to validate the project uploads its validation report.",
        DocumentKind.VerificationReport => "Only the VVB named to verify the reduction uploads its verification report.",
        _ => "Only the project's owner uploads design documents, monitoring reports and evidence.",
    });

    /// <summary>The refusal of an upload by someone neither the owner nor a VVB named on the project.</summary>
    public static readonly Refusal NotOwnerOrVvb = Refusals.Forbidden("Only the project's owner, or a VVB named on it, uploads its documents.");
}
