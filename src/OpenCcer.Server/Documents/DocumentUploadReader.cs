using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using OpenCcer.Application;
using OpenCcer.Application.Documents;

namespace OpenCcer.Server.Documents;

/// <summary>
/// Reads a <c>multipart/form-data</c> upload with fields <c>kind</c>, <c>reduction_id</c> and <c>file</c>,
/// holding at most the size limit of file bytes: a larger file is refused as soon as it passes the limit,
/// and a declared length over the limit before anything is read. Malformed input is a 400, never a 500.
/// The portal's form arrives already parsed (<see cref="FromFormAsync"/>). What the fields may hold is the
/// handler's to check (<see cref="DocumentHandlers"/>).
/// </summary>
public static class DocumentUploadReader
{
    private const int SectionsMax = 8;
    private const int FieldBytesMax = 1024;
    private const int FileNameLengthMax = 255;

    public static async Task<Outcome<DocumentUpload>> ReadAsync(HttpRequest request, DocumentLimits limits, CancellationToken ct)
    {
        if (request.ContentLength > limits.RequestBytesMax) return DocumentRefusals.TooLarge(limits);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return DocumentRefusals.NotMultipart();
        var boundary = HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 70) return Refusals.Invalid("body", "The multipart boundary is missing or too long.");
        // The server-wide body limit is small; uploads may be as large as the document limit plus the envelope.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
            body.MaxRequestBodySize = limits.RequestBytesMax;
        try
        {
            return await ReadSectionsAsync(new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 }, limits, ct);
        }
        catch (InvalidDataException)
        {
            return Refusals.Invalid("body", "Malformed multipart/form-data.");
        }
        catch (BadHttpRequestException e)
        {
            return e.StatusCode == StatusCodes.Status413PayloadTooLarge ? DocumentRefusals.TooLarge(limits) : Refusals.Invalid("body", e.Message);
        }
        catch (IOException) when (!ct.IsCancellationRequested)
        {
            // The multipart reader's report of a body that ends before its closing boundary.
            return Refusals.Invalid("body", "The multipart/form-data body ends before its closing boundary.");
        }
    }

    private static async Task<Outcome<DocumentUpload>> ReadSectionsAsync(MultipartReader reader, DocumentLimits limits,
        CancellationToken ct)
    {
        string? kind = null, reduction = null, fileName = null;
        byte[]? content = null;
        var sections = 0;
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (++sections > SectionsMax) return Refusals.Invalid("body", $"At most {SectionsMax} parts.");
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase) || StringSegment.IsNullOrEmpty(disposition.Name))
                return Refusals.Invalid("body", "Every part needs Content-Disposition: form-data with a name.");
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value;
            if (name == "file")
            {
                if (content is not null) return Refusals.Invalid("file", "Send one file per upload.");
                var raw = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                fileName = CleanFileName(raw);
                if (fileName is null) return FileNameInvalid();
                content = await ReadCappedAsync(section.Body, limits.SizeMaxBytes, ct);
                if (content is null) return DocumentRefusals.TooLarge(limits);
                continue;
            }
            var bytes = await ReadCappedAsync(section.Body, FieldBytesMax, ct);
            if (bytes is null) return Refusals.Invalid(name ?? "body", $"At most {FieldBytesMax} bytes.");
            var value = Encoding.UTF8.GetString(bytes).Trim();
            if (name == "kind") kind = value;
            else if (name == "reduction_id") reduction = value.Length == 0 ? null : value;
        }
        return new DocumentUpload(kind, reduction, fileName, content);
    }

    /// <summary>The portal's upload form (fields <c>kind</c> and <c>file</c>), with the same size limit and file-name rule.</summary>
    public static async Task<Outcome<DocumentUpload>> FromFormAsync(string? kind, IFormFile? file, DocumentLimits limits, CancellationToken ct)
    {
        if (file is null) return new DocumentUpload(kind, null, null, null);
        if (file.Length > limits.SizeMaxBytes) return DocumentRefusals.TooLarge(limits);
        var fileName = CleanFileName(file.FileName);
        if (fileName is null) return FileNameInvalid();
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return new DocumentUpload(kind, null, fileName, buffer.ToArray());
    }

    private static Refusal FileNameInvalid() => Refusals.Invalid("file", $"A file name of 1 to {FileNameLengthMax} printable characters is required.");

    /// <summary>The whole stream, or null as soon as it passes <paramref name="bytesMax"/>.</summary>
    private static async Task<byte[]?> ReadCappedAsync(Stream stream, long bytesMax, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (checked(buffer.Length + read) > bytesMax) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>The last path segment of the name the client sent, or null when it is empty, too long or holds control characters.</summary>
    private static string? CleanFileName(string? raw)
    {
        if (raw is null) return null;
        var name = raw[(raw.LastIndexOfAny(['/', '\\']) + 1)..].Trim();
        return name.Length is 0 or > FileNameLengthMax || name.Any(char.IsControl) ? null : name;
    }
}
