using OpenCcer.Core.Registry;
using OpenCcer.Storage;

namespace OpenCcer.Application.Registry;

/// <summary>A judicial step (a freeze or its lifting) that the registry administrator records on an authority's reference.</summary>
internal static class Authority
{
    public static Task<Outcome<OperationView>> SubmitAsync(RegistryEngine engine, Caller caller, AuthorityRequest request,
        Func<string, LedgerCommand> command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var r = new Fields();
        var op = r.OperationId(request.OperationId);
        var reference = r.Required("authority_reference", request.AuthorityReference);
        return RegistryWrites.SubmitAsync(engine, r, op, caller.IsAdministrator ? null : JudicialIsRegistrys, command(reference), null, ct);
    }

    public static readonly Refusal JudicialIsRegistrys = Refusals.Forbidden("Judicial freezes are recorded by the registry administrator.");
}
