namespace OpenCcer.Storage.Backup;

/// <summary>The two kinds of backup file <c>ccer backup</c> writes, told apart by their first bytes.</summary>
public enum BackupFormat
{
    /// <summary>A SQLite database image written by SQLite's online backup API.</summary>
    SqliteImage = 1,

    /// <summary>A gzip-compressed logical dump (JSON lines) of every table, restorable into either store.</summary>
    Logical = 2,
}

/// <summary>Recognises a backup file by its magic bytes.</summary>
public static class BackupFile
{
    private static readonly byte[] SqliteMagic = "SQLite format 3\0"u8.ToArray();
    private static readonly byte[] GzipMagic = [0x1f, 0x8b];

    public static BackupFormat Detect(string path)
    {
        var head = new byte[SqliteMagic.Length];
        int read;
        using (var stream = File.OpenRead(path)) read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (read == head.Length && head.AsSpan().SequenceEqual(SqliteMagic)) return BackupFormat.SqliteImage;
        if (read >= 2 && head.AsSpan(0, 2).SequenceEqual(GzipMagic)) return BackupFormat.Logical;
        throw new InvalidDataException($"{path} is neither a SQLite image nor a logical backup of OpenCCER.");
    }
}
