namespace Kepegawaian.Etl.Loading;

/// <summary>The whole file cannot be loaded (e.g. a required column is missing): it goes to <c>failed/</c>.</summary>
internal sealed class FileRejectedException(string message) : Exception(message);
