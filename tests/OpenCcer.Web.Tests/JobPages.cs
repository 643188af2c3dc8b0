namespace OpenCcer.Web.Tests;

/// <summary>
/// A background job's page (export or import) as the server drew it, rewritten to look as if the job had just
/// started: a small job is often done before its page is first drawn, and a journey wants the page's script,
/// polling the job's status, to be what moves the bar to 100%.
/// </summary>
internal static class JobPages
{
    public static string AsJustStarted(string html)
    {
        var rewritten = html
            .Replace("data-status=\"done\"", "data-status=\"running\"", StringComparison.Ordinal)
            .Replace("value=\"100\"", "value=\"0\"", StringComparison.Ordinal)
            .Replace("<span data-progress-text>100%", "<span data-progress-text>0%", StringComparison.Ordinal);
        Assert.Contains("data-status=\"running\"", rewritten, StringComparison.Ordinal);
        return rewritten;
    }
}
