namespace OpenCcer.Server.People;

/// <summary>Claim types carried by people (cookies) and by keys issued to an organisation or a person.</summary>
public static class PeopleClaims
{
    public const string OrganisationId = "organisation_id";
    public const string DisplayName = "display_name";
}
