using OpenCcer.Application.ChangeRequests;
using OpenCcer.Core.Registry;
using OpenCcer.Storage.People;

namespace OpenCcer.Server.Api;

/// <summary>How the API shows a maker-checker request (the rules are the application's, <see cref="CancellationRequests"/>).</summary>
public static class ChangeRequests
{
    /// <summary>The request as a 201 when the call recorded it, else a 200.</summary>
    public static IResult Respond(ChangeRequestResult result, string path) => result.Created
        ? TypedResults.Created($"{path}/{result.Request.Id}", View(result.Request, result.History))
        : TypedResults.Ok(View(result.Request, result.History));

    public static object View(ChangeRequestRecord q, IReadOnlyList<WorkflowStep>? history) => new
    {
        q.Id,
        Kind = RequestReader.Snake(q.Kind.ToString()),
        Status = RequestReader.Snake(q.Status.ToString()),
        q.OrganisationId,
        q.AccountId,
        q.ProjectCode,
        q.Vintage,
        QuantityTonnes = q.Quantity,
        Purpose = q.Purpose is { } p ? RequestReader.Snake(((CancellationPurpose)p).ToString()) : null,
        q.Beneficiary,
        TargetState = q.TargetState is { } s ? RequestReader.Snake(((AccountState)s).ToString()) : null,
        q.Reason,
        q.ReservationId,
        q.InitiatedBy,
        q.InitiatedAt,
        q.DecidedBy,
        q.DecidedAt,
        q.Outcome,
        q.CertificateNumber,
        History = history?.Select(WorkflowStepView.Of<ChangeRequestStatus>),
    };
}
