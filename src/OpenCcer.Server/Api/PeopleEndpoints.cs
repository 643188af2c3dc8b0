using OpenCcer.Application.ChangeRequests;
using OpenCcer.Application.People;

namespace OpenCcer.Server.Api;

/// <summary>Maps everything about people: sign-in, administration, account opening and maker-checker.</summary>
public static class PeopleEndpoints
{
    /// <summary>The use cases of administration, account opening and maker-checker.</summary>
    public static IServiceCollection AddPeopleUseCases(this IServiceCollection services)
    {
        services.AddSingleton<Administration>();
        services.AddSingleton<AccountApplications>();
        services.AddSingleton<CancellationRequests>();
        services.AddSingleton<AccountStateRequests>();
        return services;
    }

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
