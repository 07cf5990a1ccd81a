using System.Globalization;
using InternetHospital.Application.Common;
using InternetHospital.Application.His;
using InternetHospital.Application.Results;
using InternetHospital.Domain.Results;
using InternetHospital.Infrastructure.Records.Pdf;
using InternetHospital.UnitTests.His;
using Microsoft.Extensions.Options;
using PdfPigDocument = UglyToad.PdfPig.PdfDocument;

namespace InternetHospital.UnitTests.Records;

/// <summary>
/// The record's PDF, read back by a PDF reader (PdfPig): every section in the reader's language, Chinese text present
/// as text, values with units, ranges and flags, the signed note's hash, imaging studies, and nothing drawn off the page.
/// </summary>
public sealed class RecordPdfTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    private static readonly RecordPdfWriter Writer = new(Options.Create(new HospitalOptions()));

    [Fact]
    public void In_chinese_every_section_is_there_with_values_units_ranges_flags_and_the_note_hash()
    {
        var text = Read(Writer.Write(Record(reports: 1), new CultureInfo("zh-CN")), out var pages);

        foreach (var expected in new[]
        {
            "我的健康档案", "张伟", "1965年3月12日", "男", "患者信息", "诊断", "原发性高血压", "用药", "氨氯地平", "过敏", "青霉素", "就诊记录", "高血压复诊",
            "线上问诊记录", "头晕<3天&乏力", "继续服药", "李伟于2026年12月3日18:00电子签名", "abc123def456",
            "检验报告", "血脂四项", "低密度脂蛋白胆固醇", "4.35", "mmol/L", "<3.4", "偏高", "钾", "6.9", "3.5-5.3", "危急偏高",
            "备注(NOTE)", "溶血^轻度|请复查", $"第1页，共{pages.Count}页",
            "影像检查", "检查号", "2026年11月20日", "胸部CT平扫", "A20261120001", "3/412", "磁共振MR", "头颅MRI平扫", "1/24",
        })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Lipid panel", text, StringComparison.Ordinal);
    }

    [Fact]
    public void In_english_the_labels_and_known_tests_are_english_and_chinese_names_still_come_through()
    {
        var text = Read(Writer.Write(Record(reports: 1), new CultureInfo("en")), out var pages);

        foreach (var expected in new[]
        {
            "Myhealthrecord", "张伟", "12Mar1965", "Male", "Diagnoses", "原发性高血压", "Medications", "Allergies", "Hospitalvisits", "Onlinevisits",
            "Signedby李伟on3Dec202618:00", "abc123def456", "Labresults", "Lipidpanel", "LDLcholesterol", "4.35", "mmol/L", "High", "Criticalhigh",
            "备注(NOTE)", $"Page1of{pages.Count}",
            "Imaging", "Accessionno.", "Series/images", "20Nov2026", "胸部CT平扫", "A20261120001", "3/412", "MRI", "1/24",
        })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("检验报告", text, StringComparison.Ordinal);
        Assert.DoesNotContain("影像检查", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_record_flows_over_pages_each_numbered_and_nothing_is_drawn_off_the_page()
    {
        var text = Read(Writer.Write(Record(reports: 30), new CultureInfo("zh-CN")), out var pages);

        Assert.True(pages.Count > 3, $"{pages.Count} pages");
        Assert.Contains($"第{pages.Count}页，共{pages.Count}页", text, StringComparison.Ordinal);
        foreach (var (width, right) in pages)
        {
            Assert.True(right <= width - 40, $"text reaches x={right} on a page {width} wide");
        }
    }

    [Fact]
    public void A_patient_not_linked_to_the_his_gets_a_record_that_says_so()
    {
        var record = Record(reports: 0) with { HisPatientId = null, Diagnoses = [], Medications = [], Allergies = [], HisEncounters = [], Visits = [], ImagingStudies = [] };

        var text = Read(Writer.Write(record, new CultureInfo("en")), out _);

        Assert.Contains("Notlinkedtothehospital'srecordsyet", text, StringComparison.Ordinal);
        Assert.Contains("Nonerecorded", text, StringComparison.Ordinal);
    }

    /// <summary>All text, whitespace removed (a reader places words by position; spaces are not letters).</summary>
    private static string Read(byte[] pdf, out List<(double Width, double Right)> pages)
    {
        Assert.Equal("%PDF-1.7", System.Text.Encoding.ASCII.GetString(pdf, 0, 8));
        using var document = PdfPigDocument.Open(pdf);
        pages = document.GetPages().Select(p => (p.Width, p.Letters.Count == 0 ? 0 : p.Letters.Max(l => l.BoundingBox.Right))).ToList();
        return string.Concat(string.Concat(document.GetPages().Select(p => p.Text)).Where(c => !char.IsWhiteSpace(c)));
    }

    private static PatientRecord Record(int reports)
    {
        var lab = Enumerable.Range(0, reports)
            .Select(i => LabReport.Receive("H1", LabResultIntake.Content(LabResultMappingTests.Report("R-" + i)), sensitive: false, TimeSpan.Zero, "M" + i, Now))
            .ToList();
        return new PatientRecord(
            Guid.NewGuid(), "张伟", new DateOnly(1965, 3, 12), "Male", "H1", Now,
            [new HisDiagnosis("I10", "原发性高血压", new DateOnly(2026, 10, 1), true, "CARD", "李伟")],
            [new HisMedication("C08CA01-5", "氨氯地平 Amlodipine", "5 mg", "5 mg", "qd", "oral", "李伟", new DateOnly(2024, 1, 1), null, 28, true)],
            [new HisAllergy("青霉素 Penicillin", "皮疹 Rash", "moderate", new DateOnly(2016, 1, 1))],
            [new HisEncounter("E1", Now.AddMonths(-2), "outpatient", "CARD", "李伟", "高血压复诊，血压控制可 Hypertension review, controlled and stable over the last twelve months of treatment")],
            [new RecordVisit(Guid.NewGuid(), Now.AddDays(-3), Now.AddDays(-3).AddMinutes(15), "李伟", "头晕 <3 天 & 乏力", "高血压五年，" + string.Concat(Enumerable.Repeat("规律服药，血压波动不大。", 12)), "血压控制可", "继续服药\n一月后复诊", "", [("I10", "原发性高血压")], "李伟", Now.AddDays(-3), "abc123def456")],
            lab)
        {
            ImagingStudies =
            [
                new RecordImagingStudy("1.2.826.0.1.3680043.8.498.1", new DateOnly(2026, 11, 20), "胸部CT平扫", "CT,SR", "A20261120001", 3, 412),
                new RecordImagingStudy("1.2.826.0.1.3680043.8.498.2", null, "头颅MRI平扫", "MR", null, 1, 24),
            ],
        };
    }
}
