namespace OpenCcer.Server.Api;

/// <summary>Maps everything about people: sign-in, administration, account opening and maker-checker.</summary>
public static class PeopleEndpoints
{
    public static IEndpointRouteBuilder MapPeopleEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapAuthEndpoints();
        app.MapAdminEndpoints();
        app.MapAccountApplicationEndpoints();
        app.MapCancellationRequestEndpoints();
        app.MapAccountStateRequestEndpoints();
        return app;
    }
}
