using InternetHospital.Infrastructure.Imaging;

namespace InternetHospital.UnitTests.Imaging;

/// <summary>The development demo archive: the embedded studies are indexed from their own DICOM headers and render.</summary>
public sealed class DemoArchiveTests
{
    [Fact]
    public async Task The_demo_patient_has_a_ct_of_eight_slices_and_a_chest_radiograph_that_render_as_png()
    {
        var archive = new DemoImagingArchive();

        var studies = await archive.FindStudiesAsync("H0000001", CancellationToken.None);

        Assert.Equal<(string?, string?, int)>([("CT", "RAD-H0000001-CT1", 8), ("CR", "RAD-H0000001-CR1", 1)], studies.Select(s => (s.Modalities, s.AccessionNumber, s.InstanceCount)));
        var ct = studies[0];
        var series = Assert.Single(await archive.ListSeriesAsync(ct.StudyInstanceUid, CancellationToken.None));
        var slices = await archive.ListInstancesAsync(ct.StudyInstanceUid, series.SeriesInstanceUid, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 8), slices.Select(s => s.Number ?? 0));

        var first = await archive.GetRenderedFrameAsync(ct.StudyInstanceUid, series.SeriesInstanceUid, slices[0].SopInstanceUid, 1, CancellationToken.None);
        var middle = await archive.GetRenderedFrameAsync(ct.StudyInstanceUid, series.SeriesInstanceUid, slices[4].SopInstanceUid, 1, CancellationToken.None);
        Assert.Equal("image/png", first!.ContentType);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, first.Content[..4]);
        Assert.NotEqual(first.Content, middle!.Content); // the lesion changes from slice to slice
        Assert.Null(await archive.GetRenderedFrameAsync(ct.StudyInstanceUid, series.SeriesInstanceUid, slices[0].SopInstanceUid, 2, CancellationToken.None));
        Assert.Null(await archive.GetInstanceAsync(studies[1].StudyInstanceUid, series.SeriesInstanceUid, slices[0].SopInstanceUid, CancellationToken.None));
        Assert.Empty(await archive.FindStudiesAsync("H0000002", CancellationToken.None));
    }

    [Fact]
    public async Task A_file_stored_twice_is_kept_once_and_a_file_that_is_not_dicom_is_refused()
    {
        var archive = new DemoImagingArchive();
        var ct = (await archive.FindStudiesAsync("H0000001", CancellationToken.None))[0];
        var series = Assert.Single(await archive.ListSeriesAsync(ct.StudyInstanceUid, CancellationToken.None));
        var sop = (await archive.ListInstancesAsync(ct.StudyInstanceUid, series.SeriesInstanceUid, CancellationToken.None))[0].SopInstanceUid;
        var bytes = (await archive.GetInstanceAsync(ct.StudyInstanceUid, series.SeriesInstanceUid, sop, CancellationToken.None))!.Content;

        var again = await archive.StoreAsync(new MemoryStream(bytes), CancellationToken.None);

        Assert.True(again.AlreadyStored);
        Assert.Equal((ct.StudyInstanceUid, series.SeriesInstanceUid, sop), (again.StudyInstanceUid, again.SeriesInstanceUid, again.SopInstanceUid));
        await Assert.ThrowsAsync<InternetHospital.Application.Imaging.ImagingArchiveRejectedException>(() => archive.StoreAsync(new MemoryStream("not dicom"u8.ToArray()), CancellationToken.None));
        await Assert.ThrowsAsync<InternetHospital.Application.Imaging.ImagingArchiveRejectedException>(() => archive.StoreAsync(new MemoryStream(bytes[..200]), CancellationToken.None));
    }
}
