using OpenCcer.Application.ChangeRequests;
using OpenCcer.Server.People;

namespace OpenCcer.Server.Api;

/// <summary>
/// Cancellations with four eyes (<see cref="CancellationRequests"/>): one person of the holder requests it,
/// a different person of the same organisation confirms or rejects it.
/// </summary>
public static class CancellationRequestEndpoints
{
    private static readonly ChangeRequestRoutes Routes = new("/api/v1/cancellation-requests",
        WritePolicy: PeopleAuthentication.AccountHolderPolicy, ReadPolicy: RegistryEndpoints.ReaderPolicy,
        RequestSummary: "Request a cancellation (注销) of units of the organisation's registry account; the units are reserved.",
        ListSummary: "Cancellation requests (own organisation's unless registry or regulator).",
        GetSummary: "One cancellation request with its history.",
        ConfirmSummary: "Confirm a cancellation request (a person other than the requester): the reserved units are cancelled.",
        RejectSummary: "Reject or withdraw a cancellation request: the reserved units are released.");

    public static IEndpointRouteBuilder MapCancellationRequestEndpoints(this IEndpointRouteBuilder app) =>
        Routes.Map<CancellationRequests, CancellationRequestBody>(app);
}
