using OpenCcer.Application.ChangeRequests;
using OpenCcer.Server.People;

namespace OpenCcer.Server.Api;

/// <summary>
/// Account state changes with four eyes (R 8, <see cref="AccountStateRequests"/>): one registry administrator
/// asks to restrict, reactivate or close a subject's accounts; another confirms or rejects it.
/// </summary>
public static class AccountStateRequestEndpoints
{
    private static readonly ChangeRequestRoutes Routes = new("/api/v1/account-state-requests",
        WritePolicy: RegistryEndpoints.AdministratorPolicy, ReadPolicy: PeopleAuthentication.SupervisorPolicy,
        RequestSummary: "Ask to restrict, reactivate or close a subject's accounts; another administrator confirms.",
        ListSummary: "Account state requests, newest first.",
        GetSummary: "One account state request with its history.",
        ConfirmSummary: "Confirm (a different administrator): the ledger changes the accounts' state.",
        RejectSummary: "Reject or withdraw an account state request.");

    public static IEndpointRouteBuilder MapAccountStateRequestEndpoints(this IEndpointRouteBuilder app) =>
        Routes.Map<AccountStateRequests, AccountStateRequestBody>(app);
}
