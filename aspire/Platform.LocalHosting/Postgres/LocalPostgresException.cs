namespace Platform.LocalHosting.Postgres;

/// <summary>The private PostgreSQL cluster could not be installed, initialised, started or reached; the message says which step and why.</summary>
public sealed class LocalPostgresException(string message) : Exception(message);
