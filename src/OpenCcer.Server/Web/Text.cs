namespace OpenCcer.Server.Web;

/// <summary>The texts of the web pages: <c>Resources/Web.Text.resx</c> (English) and <c>Resources/Web.Text.zh-CN.resx</c> (中文).</summary>
public sealed class Text;
