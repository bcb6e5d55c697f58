using RunRate.Capture.Pipeline;

namespace RunRate.Fuzz;

/// <summary>What every capture reader promises about its result, whatever the bytes.</summary>
internal static class CaptureChecks
{
    public static void Check(FileRead read, string name)
    {
        if (read.Errors.Count > 0 && read.Items.Count > 0)
        {
            throw new FuzzContractException($"{name}: errors and items at once; a file with an error must store nothing");
        }

        foreach (var error in read.Errors)
        {
            if (!string.Equals(error.File, name, StringComparison.Ordinal) || string.IsNullOrEmpty(error.Message))
            {
                throw new FuzzContractException($"{name}: an error without its file or message: {error}");
            }
        }

        foreach (var item in read.Items)
        {
            if (string.IsNullOrEmpty(item.ExternalId) || string.IsNullOrEmpty(item.Subject) || item.At.Offset != TimeSpan.Zero)
            {
                throw new FuzzContractException($"{name}: an item without an id, a subject or a UTC time: {item.ExternalId} {item.At:o}");
            }
        }
    }
}
