using System.Xml.Linq;

namespace OpenCcer.Web.Tests;

/// <summary>Every text of the pages exists in both languages.</summary>
public sealed class ResourceTests
{
    private static string Resources => Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "OpenCcer.Server", "Resources");

    private static Dictionary<string, string> Texts(string file) =>
        XDocument.Load(Path.Combine(Resources, file)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value, StringComparer.Ordinal);

    [Fact]
    public void every_english_text_has_a_chinese_translation_and_back()
    {
        var en = Texts("Web.Text.resx");
        var zh = Texts("Web.Text.zh-CN.resx");
        Assert.True(en.Count > 100);
        Assert.Empty(en.Keys.Except(zh.Keys));
        Assert.Empty(zh.Keys.Except(en.Keys));
        Assert.All(zh, kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), kv.Key));
    }
}
