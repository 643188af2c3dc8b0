namespace OpenCcer.Core.Exchange;

/// <summary>Why surveillance flagged a participant (T 36-44). Stable values.</summary>
public enum SurveillanceKind
{
    /// <summary>A trade between two accounts in the supplied relation set.</summary>
    RelatedAccounts = 1,

    /// <summary>Many cancels in a short window: possible spoofing (order then cancel).</summary>
    OrderThenCancel = 2,
}
