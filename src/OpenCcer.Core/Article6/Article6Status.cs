namespace OpenCcer.Core.Article6;

/// <summary>Outcome of an Article 6 action. Ordered and stable: mapped to problem types.</summary>
public enum Article6Status
{
    Ok = 0,
    QuantityMustBePositive = 10,
    NotCcerUnits = 11,
    TextRequired = 12,
    NotAuthorized = 20,
    AuthorizedDifferently = 21,
}
