namespace InternetHospital.Application.Common;

/// <summary>One page of a longer list. Pages are numbered from 1.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public const int MaxPageSize = 100;
}
