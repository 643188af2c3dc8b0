using OpenCcer.Application.Documents;

namespace OpenCcer.Server.Documents;

/// <summary>The upload limits from configuration (<c>Documents:SizeMaxBytes</c>, <c>Documents:PerProjectMax</c>).</summary>
public static class DocumentSettings
{
    public static DocumentLimits Limits(IConfiguration configuration) => new(
        configuration.GetValue("Documents:SizeMaxBytes", DocumentLimits.SizeMaxBytesDefault),
        configuration.GetValue("Documents:PerProjectMax", DocumentLimits.PerProjectMaxDefault));
}
