using System.Security.Claims;
using OpenCcer.Application.People;
using OpenCcer.Server.People;

namespace OpenCcer.Server.Api;

/// <summary>The application's <see cref="Person"/> read from a signed-in person's or a person's API key's claims.</summary>
public static class PersonClaims
{
    extension(Person)
    {
        /// <summary>The person acting, or null for a key issued to no person (and for nobody signed in).</summary>
        public static Person? Of(ClaimsPrincipal user) =>
            Member.Of(user) is { } member ? new Person(member.UserId, member.OrganisationId, member.SubjectId) : null;
    }
}
