using OpenCcer.Core.Methodologies;

namespace OpenCcer.Server.Api;

/// <summary>
/// The one table from methodology outcomes to HTTP status and problem-details <c>type</c>. Field
/// errors travel in the <c>errors</c> extension: field name → messages.
/// </summary>
public static class Problems
{
    private static readonly Dictionary<CalculationStatus, (int Status, string Type, string Title)> Table = new()
    {
        [CalculationStatus.InvalidInput] = (StatusCodes.Status400BadRequest, "/problems/invalid-input", "The input is invalid."),
        [CalculationStatus.NotApplicable] = (StatusCodes.Status422UnprocessableEntity, "/problems/not-applicable", "The methodology does not apply to this project."),
        [CalculationStatus.UnknownMethodology] = (StatusCodes.Status404NotFound, "/problems/unknown-methodology", "No such methodology."),
    };

    public static IResult For(CalculationStatus status, IReadOnlyList<FieldError> errors)
    {
        var (code, type, title) = Table[status];
        var byField = errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
        return TypedResults.Problem(
            detail: string.Join("; ", errors.Select(e => e.ToString())),
            statusCode: code,
            title: title,
            type: type,
            extensions: new Dictionary<string, object?> { ["errors"] = byField });
    }

    public static IResult TooLarge(int bytesMax) => TypedResults.Problem(
        detail: $"The body is larger than {bytesMax} bytes.",
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The request body is too large.",
        type: "/problems/payload-too-large");
}
