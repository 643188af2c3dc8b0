namespace OpenCcer.Application.Documents;

/// <summary>The refusals of uploads beyond the lifecycle's: type, size and count.</summary>
public static class DocumentRefusals
{
    public const string UnsupportedMediaTypeType = "/problems/unsupported-media-type";
    public const string PayloadTooLargeType = "/problems/payload-too-large";
    public const string LimitReachedType = "/problems/limit-reached";

    /// <summary>The file's bytes are not of an accepted type, or not of the type its name claims.</summary>
    public static Refusal UnsupportedType() => new(RefusalKind.UnsupportedMediaType, UnsupportedMediaTypeType, "Unsupported file type.",
        $"Accepted: {DocumentTypes.Allowed}, and the file's bytes must be of the type its name ends with.");

    /// <summary>The body is not <c>multipart/form-data</c>.</summary>
    public static Refusal NotMultipart() => new(RefusalKind.UnsupportedMediaType, UnsupportedMediaTypeType, "Send multipart/form-data.",
        "Upload with multipart/form-data: fields kind, reduction_id (optional) and file.");

    public static Refusal TooLarge(DocumentLimits limits) => new(RefusalKind.TooLarge, PayloadTooLargeType, "The document is too large.",
        $"A document may be at most {limits.SizeMaxBytes} bytes.")
    {
        Facts = new Dictionary<string, object?> { ["size_max_bytes"] = limits.SizeMaxBytes },
    };

    public static Refusal LimitReached(DocumentLimits limits) => new(RefusalKind.Conflict, LimitReachedType, "Document limit reached.",
        $"A project holds at most {limits.PerProjectMax} documents.")
    {
        Facts = new Dictionary<string, object?> { ["per_project_max"] = limits.PerProjectMax },
    };
}
