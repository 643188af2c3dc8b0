using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using OpenCcer.Application;

namespace OpenCcer.Server.Web;

/// <summary>
/// The server's problem details, shown next to the form fields they name (<c>errors</c> by field) and
/// above the form otherwise. Filled from the same results the API answers with.
/// </summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, List<string>> byField = new(StringComparer.Ordinal);

    public string? Summary { get; private set; }

    public bool Any => Summary is not null || byField.Count > 0;

    public IReadOnlyList<string> For(string field) => byField.TryGetValue(field, out var list) ? list : [];

    public void Add(string field, string message)
    {
        if (!byField.TryGetValue(field, out var list)) byField[field] = list = [];
        list.Add(message);
    }

    public void Fail(string summary) => Summary = summary;

    /// <summary>The problem above a form, when there is one.</summary>
    public IHtmlContent ShowSummary()
    {
        if (Summary is null) return HtmlString.Empty;
        var p = new TagBuilder("p");
        p.AddCssClass("form-problem");
        p.Attributes["role"] = "alert";
        p.InnerHtml.Append(Summary);
        return p;
    }

    /// <summary>The span next to a field that shows its errors (and that the page's script fills while typing).</summary>
    public IHtmlContent Show(string field)
    {
        var span = new TagBuilder("span");
        span.AddCssClass("field-error");
        span.Attributes["data-error-for"] = field;
        span.Attributes["aria-live"] = "polite";
        span.InnerHtml.Append(string.Join(" ", For(field)));
        return span;
    }

    /// <summary>
    /// Reads an endpoint-style result: a problem fills the errors (field errors of <c>errors</c> next to
    /// <paramref name="fields"/>, the rest in the summary) and returns false; anything else returns true.
    /// </summary>
    public bool Accept(IResult result, IStringLocalizer text, params string[] fields)
    {
        if (result is not ProblemHttpResult problem) return true;
        var details = problem.ProblemDetails;
        // The problem read back into the refusal it was written from, so both are shown by one body.
        var refusal = new Refusal(RefusalKind.Invalid, details.Type ?? "", details.Title ?? "", details.Detail)
        {
            StatusCode = details.Extensions.TryGetValue("status_code", out var code) ? code as string : null,
            Errors = details.Extensions.TryGetValue("errors", out var errors) && errors is IDictionary<string, string[]> map
                ? map.AsReadOnly() : null,
        };
        return Accept(refusal, text, fields);
    }

    /// <summary>
    /// Shows a handler's refusal as <see cref="Accept(IResult, IStringLocalizer, string[])"/> shows the API's problem
    /// for it: field errors next to <paramref name="fields"/>, the rest in the summary. Returns false.
    /// </summary>
    public bool Accept(Refusal refusal, IStringLocalizer text, params string[] fields)
    {
        var summary = refusal.StatusCode is { } code ? text.Or("Problem." + code, refusal.Title) : refusal.Title;
        if (refusal.Errors is { } map)
        {
            foreach (var (field, messages) in map)
            {
                if (fields.Contains(field)) foreach (var m in messages) Add(field, m);
                else summary += " " + field + ": " + string.Join(" ", messages);
            }
            if (map.Keys.All(fields.Contains)) summary = text["Form.FixFields"];
        }
        else if (!string.IsNullOrEmpty(refusal.Detail)) summary += " " + refusal.Detail;
        Fail(summary.Trim());
        return false;
    }
}
