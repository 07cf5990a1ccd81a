#!/usr/bin/env python3
"""Makes the demo archive's DICOM files (served in Development when no PACS is configured).

Run from the repository root: python3 scripts/make-demo-dicom.py  (needs dcmtk's dump2dcm).
The images are drawn here (no patient data): a chest CT whose round 'lesion' grows and moves from slice to slice,
and a chest radiograph of two dark lung fields. UIDs are derived from fixed names (UUID v5 under 2.25), so running
the script again gives the same files.
"""
import math
import os
import struct
import subprocess
import tempfile
import uuid

OUT = os.path.join("src", "InternetHospital.Infrastructure", "Imaging", "Demo")
NS = uuid.UUID("6f1c2f0e-6a43-4f3e-9a39-1b8d3c0d5e21")


def uid(name):
    return "2.25." + str(uuid.uuid5(NS, name).int)


def ct_slice(size, index, count):
    """Signed 16-bit CT numbers (HU): air outside, soft tissue body, two lungs, spine, a lesion that changes per slice."""
    c = size / 2
    pixels = []
    lesion_r = 4 + 8 * math.sin(math.pi * (index + 0.5) / count)
    lesion_x = c + size * 0.18
    lesion_y = c - size * 0.12 + index * 1.5
    for y in range(size):
        for x in range(size):
            body = ((x - c) / (size * 0.45)) ** 2 + ((y - c) / (size * 0.36)) ** 2 <= 1
            hu = -1000
            if body:
                hu = 40
                for lx in (c - size * 0.2, c + size * 0.2):
                    if ((x - lx) / (size * 0.15)) ** 2 + ((y - c + 4) / (size * 0.25)) ** 2 <= 1:
                        hu = -850
                if (x - c) ** 2 + (y - c - size * 0.26) ** 2 <= (size * 0.06) ** 2:
                    hu = 700
                if (x - lesion_x) ** 2 + (y - lesion_y) ** 2 <= lesion_r ** 2:
                    hu = 60
            pixels.append(hu + 1024)  # stored value; Rescale Intercept -1024
    return struct.pack("<%dh" % len(pixels), *pixels)


def cr_image(size):
    """Unsigned 8-bit radiograph: bright body, dark lungs, a bright heart shadow."""
    c = size / 2
    out = bytearray()
    for y in range(size):
        for x in range(size):
            v = 30
            if abs(x - c) < size * 0.42 and y > size * 0.08:
                v = 170
                for lx in (c - size * 0.18, c + size * 0.18):
                    if ((x - lx) / (size * 0.14)) ** 2 + ((y - size * 0.48) / (size * 0.3)) ** 2 <= 1:
                        v = 70
                if ((x - c - size * 0.05) / (size * 0.12)) ** 2 + ((y - size * 0.6) / (size * 0.13)) ** 2 <= 1:
                    v = 200
            out.append(v)
    return bytes(out)


def write(path, tags, pixel_file, vr):
    lines = ["(0002,0010) UI =LittleEndianExplicit"]
    lines += [f"({t[:4]},{t[4:]}) {v} [{val}]" for t, v, val in tags]
    lines.append(f"(7fe0,0010) {vr} ={pixel_file}")
    with tempfile.NamedTemporaryFile("w", suffix=".dump", delete=False) as dump:
        dump.write("\n".join(lines) + "\n")
    subprocess.run(["dump2dcm", "-q", "+te", dump.name, path], check=True)
    os.unlink(dump.name)


def common(patient_id, patient_name, birth, sex, study, study_date, accession, description, modality, series, series_no, series_desc):
    return [
        ("00080005", "CS", "ISO_IR 192"),
        ("00080020", "DA", study_date),
        ("00080030", "TM", "093000"),
        ("00080050", "SH", accession),
        ("00080060", "CS", modality),
        ("00080090", "PN", ""),
        ("00081030", "LO", description),
        ("0008103e", "LO", series_desc),
        ("00100010", "PN", patient_name),
        ("00100020", "LO", patient_id),
        ("00100030", "DA", birth),
        ("00100040", "CS", sex),
        ("0020000d", "UI", study),
        ("0020000e", "UI", series),
        ("00200010", "SH", "1"),
        ("00200011", "IS", str(series_no)),
    ]


def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        if f.endswith(".dcm"):
            os.unlink(os.path.join(OUT, f))
    tmp = tempfile.mkdtemp()
    zhang = ("H0000001", "Zhang^Wei=张^伟", "19650312", "M")

    study = uid("zhang-ct-chest")
    series = uid("zhang-ct-chest-axial")
    count, size = 8, 128
    for i in range(count):
        raw = os.path.join(tmp, f"ct{i}.raw")
        with open(raw, "wb") as fh:
            fh.write(ct_slice(size, i, count))
        tags = common(*zhang, study, "20261015", "RAD-H0000001-CT1", "胸部CT平扫 CT chest without contrast", "CT", series, 1, "Axial 5mm")
        tags += [
            ("00080016", "UI", "1.2.840.10008.5.1.4.1.1.2"),
            ("00080018", "UI", uid(f"zhang-ct-chest-axial-{i + 1}")),
            ("00180050", "DS", "5"),
            ("00200013", "IS", str(i + 1)),
            ("00200032", "DS", f"-160\\-160\\{-100 + i * 5}"),
            ("00200037", "DS", "1\\0\\0\\0\\1\\0"),
            ("00201041", "DS", str(-100 + i * 5)),
            ("00280002", "US", "1"),
            ("00280004", "CS", "MONOCHROME2"),
            ("00280010", "US", str(size)),
            ("00280011", "US", str(size)),
            ("00280030", "DS", "2.5\\2.5"),
            ("00280100", "US", "16"),
            ("00280101", "US", "16"),
            ("00280102", "US", "15"),
            ("00280103", "US", "1"),
            ("00281050", "DS", "-600"),
            ("00281051", "DS", "1500"),
            ("00281052", "DS", "-1024"),
            ("00281053", "DS", "1"),
            ("00281054", "LO", "HU"),
        ]
        write(os.path.join(OUT, f"zhang-ct-{i + 1:02d}.dcm"), tags, raw, "OW")

    size = 192
    raw = os.path.join(tmp, "cr.raw")
    with open(raw, "wb") as fh:
        fh.write(cr_image(size))
    tags = common(*zhang, uid("zhang-cr-chest"), "20260602", "RAD-H0000001-CR1", "胸部正位片 Chest X-ray PA", "CR", uid("zhang-cr-chest-pa"), 1, "PA")
    tags += [
        ("00080016", "UI", "1.2.840.10008.5.1.4.1.1.1"),
        ("00080018", "UI", uid("zhang-cr-chest-pa-1")),
        ("00200013", "IS", "1"),
        ("00200020", "CS", "L\\F"),
        ("00280002", "US", "1"),
        ("00280004", "CS", "MONOCHROME2"),
        ("00280010", "US", str(size)),
        ("00280011", "US", str(size)),
        ("00280100", "US", "8"),
        ("00280101", "US", "8"),
        ("00280102", "US", "7"),
        ("00280103", "US", "0"),
    ]
    write(os.path.join(OUT, "zhang-cr-01.dcm"), tags, raw, "OB")
    print("study uids:", study, uid("zhang-cr-chest"))


if __name__ == "__main__":
    main()
