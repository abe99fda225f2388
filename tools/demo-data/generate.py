#!/usr/bin/env python3
"""Generate (and verify) the ParIndex demo data under examples/.

Deterministic: a fixed random seed, Python's standard library only, and
decimal.Decimal for every score (no floating point anywhere).

    python3 tools/demo-data/generate.py            # write examples/, then verify them
    python3 tools/demo-data/generate.py --check    # only verify the files already there

Units are real (copied from the national lists in reference/); frameworks
are modelled on real provincial PAR frameworks; all scores are synthetic,
except that the 2020 Bắc Kạn results are made to reproduce what the province
published (Quyết định số 202/QĐ-UBND ngày 09/02/2021).
"""

import argparse
import csv
import io
import json
import random
import sys
from decimal import Decimal, ROUND_DOWN, ROUND_HALF_UP, getcontext
from pathlib import Path

getcontext().prec = 50
D = Decimal
SEED = 20210209  # the date of Quyết định 202/QĐ-UBND publishing the 2020 results

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DEFAULT_LISTS = REPO / "reference"  # the national unit lists, kept in the repository
DEFAULT_OUT = REPO / "examples"

BANDS = [("Xuất sắc", 90), ("Tốt", 80), ("Khá", 70), ("Trung bình", 50), ("Yếu", 0)]
UNIT_HEADER = ["code", "name", "type", "level", "parent_code", "valid_from", "valid_to", "predecessors"]
SCORE_HEADER = ["unit_code", "item_code", "kind", "value", "note"]
KIND_ORDER = ["self", "appraised", "survey", "bonus", "penalty", "not_applicable"]
OLD_END = "2025-06-30"
NEW_START = "2025-07-01"

# ---------------------------------------------------------------------------
# Units
# ---------------------------------------------------------------------------

BK = "06"
BK_DISTRICTS = ["058", "060", "061", "062", "063", "064", "065", "066"]
CITY = "058"

BK_DEPARTMENTS = [  # (suffix, name, type) — the 19 bodies ranked by Bắc Kạn in 2019-2020
    ("VP", "Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh", "Văn phòng"),
    ("SNV", "Sở Nội vụ", "Sở"),
    ("STP", "Sở Tư pháp", "Sở"),
    ("SKHDT", "Sở Kế hoạch và Đầu tư", "Sở"),
    ("STC", "Sở Tài chính", "Sở"),
    ("SCT", "Sở Công Thương", "Sở"),
    ("SNNPTNT", "Sở Nông nghiệp và Phát triển nông thôn", "Sở"),
    ("SGTVT", "Sở Giao thông vận tải", "Sở"),
    ("SXD", "Sở Xây dựng", "Sở"),
    ("STNMT", "Sở Tài nguyên và Môi trường", "Sở"),
    ("STTTT", "Sở Thông tin và Truyền thông", "Sở"),
    ("SLDTBXH", "Sở Lao động – Thương binh và Xã hội", "Sở"),
    ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", "Sở"),
    ("SKHCN", "Sở Khoa học và Công nghệ", "Sở"),
    ("SGDDT", "Sở Giáo dục và Đào tạo", "Sở"),
    ("SYT", "Sở Y tế", "Sở"),
    ("BQLKCN", "Ban Quản lý các khu công nghiệp", "Ban"),
    ("TTR", "Thanh tra tỉnh", "Thanh tra"),
    ("BDT", "Ban Dân tộc", "Ban"),
]

# Offices (cơ quan chuyên môn thuộc UBND cấp huyện): (suffix, name, type, who has it)
BK_OFFICES = [
    ("PNV", "Phòng Nội vụ", "Phòng", "all"),
    ("PTCKH", "Phòng Tài chính – Kế hoạch", "Phòng", "all"),
    ("PTP", "Phòng Tư pháp", "Phòng", "all"),
    ("VP", "Văn phòng HĐND và UBND", "Văn phòng", "all"),
    ("PKTHT", "Phòng Kinh tế và Hạ tầng", "Phòng", "district"),
    ("PQLDT", "Phòng Quản lý đô thị", "Phòng", "city"),
    ("PTNMT", "Phòng Tài nguyên và Môi trường", "Phòng", "all"),
    ("PLDTBXH", "Phòng Lao động – Thương binh và Xã hội", "Phòng", "all"),
    ("PVHTT", "Phòng Văn hóa và Thông tin", "Phòng", "all"),
    ("PGDDT", "Phòng Giáo dục và Đào tạo", "Phòng", "all"),
    ("PYT", "Phòng Y tế", "Phòng", "all"),
    ("PNNPTNT", "Phòng Nông nghiệp và Phát triển nông thôn", "Phòng", "district"),
    ("PKT", "Phòng Kinh tế", "Phòng", "city"),
    ("TTR", "Thanh tra", "Thanh tra", "all"),
    ("PDT", "Phòng Dân tộc", "Phòng", "district"),
]

TN = "19"
TN_DEPARTMENTS = [  # (suffix, name, type, predecessors among the Bắc Kạn bodies)
    ("VPUBND", "Văn phòng UBND tỉnh", "Văn phòng", "06-VP:partial"),
    ("VPDDBQH", "Văn phòng Đoàn ĐBQH và HĐND tỉnh", "Văn phòng", "06-VP:partial"),
    ("SNV", "Sở Nội vụ", "Sở", "06-SNV;06-SLDTBXH:partial"),
    ("STP", "Sở Tư pháp", "Sở", "06-STP"),
    ("STC", "Sở Tài chính", "Sở", "06-STC;06-SKHDT"),
    ("SCT", "Sở Công Thương", "Sở", "06-SCT"),
    ("SNNMT", "Sở Nông nghiệp và Môi trường", "Sở", "06-SNNPTNT;06-STNMT"),
    ("SXD", "Sở Xây dựng", "Sở", "06-SXD;06-SGTVT"),
    ("SKHCN", "Sở Khoa học và Công nghệ", "Sở", "06-SKHCN;06-STTTT:partial"),
    ("SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", "Sở", "06-SVHTTDL;06-STTTT:partial"),
    ("SGDDT", "Sở Giáo dục và Đào tạo", "Sở", "06-SGDDT;06-SLDTBXH:partial"),
    ("SYT", "Sở Y tế", "Sở", "06-SYT;06-SLDTBXH:partial"),
    ("SDTTG", "Sở Dân tộc và Tôn giáo", "Sở", "06-BDT"),
    ("TTR", "Thanh tra tỉnh", "Thanh tra", "06-TTR"),
    ("BQLKCN", "Ban Quản lý các khu công nghiệp", "Ban", "06-BQLKCN"),
]


def read_csv_rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def district_phrase(name):
    """'Huyện Pác Nặm' -> 'huyện Pác Nặm', 'Thành Phố Bắc Kạn' -> 'thành phố Bắc Kạn'."""
    for prefix, lower in (("Thành Phố ", "thành phố "), ("Thành phố ", "thành phố "), ("Huyện ", "huyện "),
                          ("Thị xã ", "thị xã ")):
        if name.startswith(prefix):
            return lower + name[len(prefix):]
    return name


def build_bac_kan_units(shared):
    src = read_csv_rows(shared / "vn-admin-units-2025-03.csv")
    province = [r for r in src if r["code"] == BK]
    districts = [r for r in src if r["parent_code"] == BK]
    assert [r["code"] for r in districts] == BK_DISTRICTS, [r["code"] for r in districts]
    rows = [province[0]]
    for suffix, name, typ in BK_DEPARTMENTS:
        rows.append(dict(code=f"{BK}-{suffix}", name=name, type=typ, level="2", parent_code=BK,
                         valid_from="", valid_to=OLD_END, predecessors=""))
    for d in districts:
        rows.append(d)
        rows.extend(r for r in src if r["parent_code"] == d["code"])
    for d in districts:
        is_city = d["code"] == CITY
        for suffix, name, typ, who in BK_OFFICES:
            if who == "city" and not is_city or who == "district" and is_city:
                continue
            rows.append(dict(code=f"{d['code']}-{suffix}", name=f"{name} {district_phrase(d['name'])}", type=typ,
                             level="3", parent_code=d["code"], valid_from="", valid_to=OLD_END, predecessors=""))
    return rows


def build_thai_nguyen_units(shared):
    src = read_csv_rows(shared / "vn-admin-units-2025-07.csv")
    rows = [r for r in src if r["code"] == TN and r["level"] == "1"]
    assert len(rows) == 1
    for suffix, name, typ, preds in TN_DEPARTMENTS:
        rows.append(dict(code=f"{TN}-{suffix}", name=name, type=typ, level="2", parent_code=TN,
                         valid_from=NEW_START, valid_to="", predecessors=preds))
    rows.extend(r for r in src if r["parent_code"] == TN)
    return rows


# ---------------------------------------------------------------------------
# Frameworks (Bộ tiêu chí), written in a small line format:
#   F <code> <title>
#   C <code> <title>                          a criterion with items below it
#   C <code> <title> | max | src [| opt ...]  a criterion with no items (it is itself an item)
#   I <code> <title> | max | src [| opt ...]
# src: A Appraisal, S Survey, B Bonus, P Penalty.  Options (used by the score
# generator only, never written to cycle.json): T = a rate, so cuts have 3
# decimals; NE = no evidence required; NA=reason the item may be not applicable;
# R=reasons for cuts, separated by ';' ({n} a count, {p} a percentage);
# SN=a note on the self row (evidence reference); BN=note on a bonus/penalty row.
# ---------------------------------------------------------------------------

FW_SO_2020 = """
F 1 Công tác chỉ đạo, điều hành CCHC
C 1.1 Kế hoạch cải cách hành chính năm
I 1.1.1 Ban hành kế hoạch CCHC năm đúng thời hạn | 1 | A | R=Ban hành chậm {n} ngày so với quy định;Ban hành sau thời hạn hướng dẫn của Sở Nội vụ | SN=Kế hoạch số {n}/KH-{abbr} ngày {d}/12/{py}
I 1.1.2 Kế hoạch xác định đầy đủ nhiệm vụ, sản phẩm, thời hạn và phân công trách nhiệm | 0.5 | A | R=Kế hoạch chưa xác định rõ sản phẩm đầu ra của một số nhiệm vụ
I 1.1.3 Mức độ hoàn thành kế hoạch CCHC năm | 1.5 | A | T | R=Hoàn thành {p}% nhiệm vụ trong kế hoạch
C 1.2 Thực hiện chế độ báo cáo CCHC
I 1.2.1 Báo cáo đầy đủ số lượng báo cáo định kỳ (quý, 6 tháng, năm) | 0.5 | A | R=Thiếu báo cáo CCHC quý I | SN=Báo cáo số {n}/BC-{abbr} ngày {d}/12/{y}
I 1.2.2 Báo cáo đúng thời hạn và đúng đề cương hướng dẫn | 0.5 | A | R=Báo cáo quý III gửi chậm {n} ngày;Báo cáo năm chưa đúng đề cương hướng dẫn
C 1.3 Kiểm tra công tác CCHC
I 1.3.1 Ban hành kế hoạch kiểm tra CCHC đối với phòng, đơn vị trực thuộc | 0.5 | A | SN=Kế hoạch kiểm tra số {n}/KH-{abbr}
I 1.3.2 Mức độ thực hiện kế hoạch kiểm tra và xử lý sau kiểm tra | 1 | A | T | R=Kiểm tra được {p}% số đơn vị theo kế hoạch;Chưa có báo cáo kết quả khắc phục sau kiểm tra
C 1.4 Công tác tuyên truyền CCHC | 1 | A | R=Chưa thực hiện đầy đủ các hình thức tuyên truyền theo kế hoạch
C 1.5 Sáng kiến, giải pháp mới trong triển khai nhiệm vụ CCHC | 1 | A | R=Sáng kiến chưa được Hội đồng sáng kiến cấp cơ sở công nhận
C 1.6 Thực hiện nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao | 2.5 | A | T | R=Có {n} nhiệm vụ hoàn thành quá hạn;Có {n} nhiệm vụ chưa hoàn thành
C 1.7 Đánh giá về công tác chỉ đạo, điều hành CCHC
I 1.7.1 Tính kịp thời, đầy đủ của kế hoạch CCHC của cơ quan | 1 | S
I 1.7.2 Sự quyết liệt của người đứng đầu trong chỉ đạo, điều hành CCHC | 1 | S
F 2 Xây dựng và tổ chức thực hiện văn bản QPPL
C 2.1 Tham mưu xây dựng văn bản QPPL
I 2.1.1 Thực hiện đúng chương trình, kế hoạch xây dựng văn bản QPPL của tỉnh | 1 | A | NA=Năm đánh giá không được giao chủ trì soạn thảo văn bản QPPL | R=01 dự thảo trình chậm so với chương trình
I 2.1.2 Thực hiện đúng quy trình xây dựng, ban hành văn bản QPPL | 1 | A | NA=Năm đánh giá không được giao chủ trì soạn thảo văn bản QPPL | R=Hồ sơ dự thảo thiếu báo cáo tiếp thu, giải trình ý kiến góp ý
C 2.2 Rà soát, hệ thống hóa văn bản QPPL
I 2.2.1 Ban hành kế hoạch và thực hiện rà soát, hệ thống hóa văn bản QPPL | 1 | A | R=Báo cáo kết quả rà soát gửi chậm {n} ngày | SN=Báo cáo số {n}/BC-{abbr} về kết quả rà soát
I 2.2.2 Xử lý hoặc kiến nghị xử lý văn bản sau rà soát | 1 | A | NA=Qua rà soát không phát hiện văn bản cần xử lý
C 2.3 Theo dõi thi hành pháp luật | 1.5 | A | R=Kế hoạch theo dõi thi hành pháp luật ban hành chậm;Báo cáo theo dõi thi hành pháp luật chưa đánh giá đủ nội dung
C 2.4 Tự kiểm tra, xử lý văn bản QPPL thuộc lĩnh vực quản lý | 0.5 | A
C 2.5 Tổ chức phổ biến, giáo dục pháp luật | 1 | A | R=Chưa hoàn thành 01 nội dung của kế hoạch phổ biến, giáo dục pháp luật
C 2.6 Đánh giá về chất lượng văn bản QPPL do cơ quan tham mưu
I 2.6.1 Tính phù hợp của văn bản QPPL với thực tiễn | 1 | S
I 2.6.2 Tính khả thi, rõ ràng của văn bản QPPL | 1 | S
F 3 Cải cách thủ tục hành chính
C 3.1 Rà soát, đơn giản hóa TTHC
I 3.1.1 Ban hành kế hoạch rà soát, đánh giá TTHC | 1 | A | SN=Kế hoạch số {n}/KH-{abbr}
I 3.1.2 Thực hiện rà soát và đề xuất phương án đơn giản hóa TTHC theo kế hoạch | 1 | A | T | R=Rà soát đạt {p}% số TTHC theo kế hoạch
I 3.1.3 Thực thi phương án đơn giản hóa TTHC đã được phê duyệt | 1 | A | R=Còn {n} phương án đơn giản hóa chưa thực thi
C 3.2 Công bố, công khai TTHC
I 3.2.1 Tham mưu công bố danh mục TTHC đúng thời hạn | 1.5 | A | NA=Trong năm không phát sinh TTHC mới, sửa đổi, bổ sung | R=02 quyết định công bố TTHC trình chậm;Trình công bố chậm {n} ngày
I 3.2.2 Công khai TTHC đầy đủ, đúng quy định tại Trung tâm Phục vụ hành chính công và trên Cổng thông tin điện tử | 1 | A | R=Một số TTHC công khai chưa cập nhật theo quyết định công bố mới
C 3.3 Thực hiện cơ chế một cửa, một cửa liên thông
I 3.3.1 Đưa TTHC thuộc thẩm quyền vào tiếp nhận tại Trung tâm Phục vụ hành chính công tỉnh | 1.5 | A | NA=Không phát sinh TTHC | R=Còn {n} TTHC chưa đưa vào tiếp nhận tại Trung tâm
I 3.3.2 Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn | 2.5 | A | T | NA=Không phát sinh TTHC | R=Có {n} hồ sơ giải quyết quá hạn
I 3.3.3 Thực hiện xin lỗi tổ chức, cá nhân đối với hồ sơ giải quyết quá hạn | 0.5 | A | NA=Không có hồ sơ giải quyết quá hạn
I 3.3.4 Tổ chức tiếp nhận hồ sơ, trả kết quả qua dịch vụ bưu chính công ích | 1 | A | NA=Không phát sinh TTHC | R=Chưa tuyên truyền, hướng dẫn sử dụng dịch vụ bưu chính công ích
C 3.4 Tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính | 1 | A | NA=Trong năm không phát sinh phản ánh, kiến nghị | R=01 phản ánh xử lý quá thời hạn
C 3.5 Kiểm soát chất lượng giải quyết TTHC của công chức tại Trung tâm Phục vụ hành chính công | 1 | A | NA=Không phát sinh TTHC
C 3.6 Đánh giá của người dân, tổ chức về giải quyết TTHC
I 3.6.1 Mức độ công khai, minh bạch của TTHC | 1 | S
I 3.6.2 Thái độ, tinh thần phục vụ của công chức tiếp nhận, giải quyết hồ sơ | 1 | S
I 3.6.3 Thời gian giải quyết hồ sơ so với quy định | 1 | S
F 4 Cải cách tổ chức bộ máy hành chính
C 4.1 Thực hiện quy định về chức năng, nhiệm vụ, cơ cấu tổ chức
I 4.1.1 Tham mưu ban hành quy định chức năng, nhiệm vụ, quyền hạn, cơ cấu tổ chức của cơ quan | 1 | A
I 4.1.2 Quy định chức năng, nhiệm vụ của các phòng, đơn vị trực thuộc | 1 | A | R=Quy định chức năng, nhiệm vụ của 01 phòng chưa cập nhật
C 4.2 Sắp xếp tổ chức bộ máy theo Nghị quyết số 18-NQ/TW và số 19-NQ/TW | 2 | A | R=Chưa hoàn thành sắp xếp 01 đơn vị sự nghiệp theo đề án
C 4.3 Quản lý, sử dụng biên chế
I 4.3.1 Sử dụng biên chế không vượt số được giao | 1 | A
I 4.3.2 Thực hiện tinh giản biên chế theo lộ trình | 1.5 | A | T | R=Tỷ lệ tinh giản biên chế đạt {p}% so với lộ trình
C 4.4 Thực hiện phân cấp, ủy quyền quản lý nhà nước | 1 | A | NA=Không được giao nhiệm vụ phân cấp, ủy quyền
C 4.5 Kiểm tra tình hình tổ chức, hoạt động của đơn vị trực thuộc | 0.5 | A
C 4.6 Đánh giá về tổ chức bộ máy
I 4.6.1 Sự phù hợp của cơ cấu tổ chức với chức năng, nhiệm vụ | 1 | S
I 4.6.2 Tính hợp lý trong phân công nhiệm vụ giữa các phòng, đơn vị | 1 | S
F 5 Xây dựng và nâng cao chất lượng đội ngũ CBCCVC
C 5.1 Xác định và thực hiện vị trí việc làm
I 5.1.1 Xây dựng, điều chỉnh đề án vị trí việc làm theo quy định | 1 | A
I 5.1.2 Bố trí công chức, viên chức theo đúng vị trí việc làm được phê duyệt | 1.5 | A | R=Có {n} công chức bố trí chưa đúng vị trí việc làm
C 5.2 Tuyển dụng, bổ nhiệm
I 5.2.1 Thực hiện đúng quy định về tuyển dụng công chức, viên chức | 1 | A | NA=Trong năm không tổ chức tuyển dụng
I 5.2.2 Thực hiện đúng quy định về bổ nhiệm, bổ nhiệm lại lãnh đạo, quản lý | 1 | A | NA=Trong năm không phát sinh bổ nhiệm | R=01 trường hợp bổ nhiệm lại chậm so với quy định
C 5.3 Đánh giá, phân loại công chức, viên chức đúng quy định | 1 | A
C 5.4 Đào tạo, bồi dưỡng công chức, viên chức | 1.5 | A | T | R=Hoàn thành {p}% kế hoạch đào tạo, bồi dưỡng
C 5.5 Chấp hành kỷ luật, kỷ cương hành chính
I 5.5.1 Chấp hành quy định về thời giờ làm việc, văn hóa công vụ | 1 | A | R=Qua kiểm tra công vụ phát hiện 01 trường hợp vi phạm thời giờ làm việc
I 5.5.2 Không có công chức, viên chức bị xử lý kỷ luật | 2 | A | R=Có 01 viên chức bị kỷ luật hình thức khiển trách;Có 01 công chức bị kỷ luật hình thức cảnh cáo
C 5.6 Thực hiện chế độ, chính sách đối với công chức, viên chức | 1 | A
C 5.7 Đánh giá về đội ngũ CBCCVC
I 5.7.1 Năng lực chuyên môn của công chức trong thực thi công vụ | 1 | S
I 5.7.2 Tinh thần trách nhiệm, thái độ phục vụ của công chức | 1 | S
F 6 Cải cách tài chính công
C 6.1 Quản lý, sử dụng ngân sách nhà nước
I 6.1.1 Giải ngân vốn đầu tư công được giao đúng tiến độ | 1.5 | A | T | NA=Không được giao kế hoạch vốn đầu tư công | R=Giải ngân đạt {p}% kế hoạch vốn
I 6.1.2 Công khai dự toán, quyết toán ngân sách theo quy định | 1 | A | R=Công khai quyết toán ngân sách chậm {n} ngày
I 6.1.3 Thực hiện kiến nghị của thanh tra, kiểm toán về tài chính | 1 | A | NA=Trong năm không có kết luận thanh tra, kiểm toán | R=Còn kiến nghị kiểm toán chưa khắc phục xong
C 6.2 Thực hiện cơ chế tự chủ, tự chịu trách nhiệm về tài chính
I 6.2.1 Ban hành và thực hiện quy chế chi tiêu nội bộ | 1 | A | SN=Quyết định số {n}/QĐ-{abbr} ban hành quy chế chi tiêu nội bộ
I 6.2.2 Thực hiện tự chủ tại đơn vị sự nghiệp công lập trực thuộc | 1.5 | A | NA=Không có đơn vị sự nghiệp công lập trực thuộc | R=01 đơn vị sự nghiệp chưa xây dựng phương án tự chủ
I 6.2.3 Tiết kiệm chi, tăng thu nhập cho công chức, viên chức | 1 | A
C 6.3 Quản lý, sử dụng tài sản công đúng quy định | 1 | A
C 6.4 Đánh giá về quản lý tài chính công của cơ quan | 1 | S
F 7 Hiện đại hóa hành chính
C 7.1 Ứng dụng công nghệ thông tin trong hoạt động của cơ quan
I 7.1.1 Ban hành và thực hiện kế hoạch ứng dụng CNTT, bảo đảm an toàn thông tin | 1 | A
I 7.1.2 Tỷ lệ văn bản đi được gửi dưới dạng điện tử có chữ ký số | 1.5 | A | T | R=Tỷ lệ văn bản điện tử đạt {p}%
I 7.1.3 Sử dụng phần mềm quản lý văn bản và điều hành, thư điện tử công vụ | 1 | A
I 7.1.4 Cập nhật, cung cấp thông tin trên Cổng/Trang thông tin điện tử của cơ quan | 1 | A | R=Chưa cập nhật đầy đủ thông tin theo Nghị định 43/2011/NĐ-CP
C 7.2 Cung cấp dịch vụ công trực tuyến
I 7.2.1 Tỷ lệ TTHC cung cấp trực tuyến mức độ 3, 4 | 1.5 | A | T | NA=Không phát sinh TTHC | R=Tỷ lệ TTHC trực tuyến mức độ 3, 4 đạt {p}% chỉ tiêu
I 7.2.2 Tỷ lệ hồ sơ TTHC tiếp nhận, giải quyết trực tuyến mức độ 3, 4 | 2 | A | T | NA=Không phát sinh TTHC | R=Tỷ lệ hồ sơ trực tuyến đạt {p}%
I 7.2.3 Tích hợp, cung cấp dịch vụ công trực tuyến trên Cổng Dịch vụ công quốc gia | 1 | A | NA=Không phát sinh TTHC
I 7.2.4 Sử dụng phần mềm một cửa điện tử trong tiếp nhận, giải quyết TTHC | 1 | A | NA=Không phát sinh TTHC | R=Một số hồ sơ chưa cập nhật trạng thái xử lý trên phần mềm
C 7.3 Áp dụng Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015
I 7.3.1 Xây dựng, áp dụng Hệ thống quản lý chất lượng | 1 | A
I 7.3.2 Duy trì, cải tiến và công bố lại Hệ thống quản lý chất lượng | 1 | A | R=Chưa công bố lại khi có thay đổi quy trình
C 7.4 Thực hiện chuyển đổi số trong nội bộ cơ quan | 1 | A
C 7.5 Đánh giá về hiện đại hóa hành chính
I 7.5.1 Mức độ thuận tiện khi sử dụng dịch vụ công trực tuyến của cơ quan | 1 | S
I 7.5.2 Chất lượng thông tin trên Cổng/Trang thông tin điện tử của cơ quan | 1 | S
F 8 Tác động của CCHC đến người dân, tổ chức và phát triển kinh tế – xã hội
C 8.1 Tác động đến chất lượng thể chế thuộc phạm vi quản lý
I 8.1.1 Tính đồng bộ, thống nhất của hệ thống văn bản thuộc lĩnh vực quản lý | 2 | S
I 8.1.2 Tác động của văn bản do cơ quan tham mưu đến đời sống, sản xuất, kinh doanh | 2 | S
C 8.2 Tác động đến chất lượng giải quyết TTHC
I 8.2.1 Mức độ hài lòng của người dân, tổ chức khi giải quyết TTHC | 3 | S
I 8.2.2 Tình trạng nhũng nhiễu, gây phiền hà trong giải quyết TTHC | 2 | S
C 8.3 Tác động đến tổ chức bộ máy và đội ngũ CBCCVC
I 8.3.1 Hiệu quả hoạt động của bộ máy sau sắp xếp | 1.5 | S
I 8.3.2 Chất lượng, hiệu quả thực thi công vụ của CBCCVC | 1.5 | S
C 8.4 Tác động đến quản lý tài chính công | 1.5 | S
C 8.5 Tác động đến phát triển kinh tế – xã hội của ngành, lĩnh vực | 2.5 | S
F 9 Điểm thưởng, điểm trừ
C 9.1 Điểm thưởng
I 9.1.1 Sáng kiến, giải pháp CCHC được cấp tỉnh trở lên công nhận | 1 | B | BN=Sáng kiến được Hội đồng sáng kiến tỉnh công nhận năm {y}
I 9.1.2 Được cấp có thẩm quyền khen thưởng về thành tích CCHC | 1 | B | BN=Bằng khen của Chủ tịch UBND tỉnh về thành tích CCHC
C 9.2 Điểm trừ
I 9.2.1 Bị UBND tỉnh, Chủ tịch UBND tỉnh phê bình, nhắc nhở bằng văn bản về CCHC | 1 | P | BN=Công văn số {n}/UBND-NC ngày {d}/9/{y} nhắc nhở chậm báo cáo
I 9.2.2 Để xảy ra sai phạm trong giải quyết TTHC bị xử lý | 1 | P | BN=Kết luận kiểm tra số {n}/KL-SNV, 01 hồ sơ sai quy trình
"""

SO_2019_PATCH = """
~C 1.5 Sáng kiến, giải pháp mới trong triển khai nhiệm vụ CCHC | 0.5 | A | R=Sáng kiến chưa được Hội đồng sáng kiến cấp cơ sở công nhận
~C 1.6 Thực hiện nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao | 3 | A | T | R=Có {n} nhiệm vụ hoàn thành quá hạn;Có {n} nhiệm vụ chưa hoàn thành
~I 3.3.4 Công khai địa chỉ, số điện thoại đường dây nóng tiếp nhận phản ánh, kiến nghị | 1 | A | R=Chưa công khai số điện thoại đường dây nóng tại nơi tiếp nhận hồ sơ
~I 7.2.3 Tỷ lệ hồ sơ TTHC được tiếp nhận, trả kết quả qua dịch vụ bưu chính công ích | 1 | A | T | NA=Không phát sinh TTHC | R=Tỷ lệ hồ sơ qua bưu chính công ích đạt {p}% chỉ tiêu
~C 7.4 Sử dụng chữ ký số chuyên dùng trong hoạt động của cơ quan | 1 | A
~C 5.3 Đánh giá, phân loại công chức, viên chức đúng quy định | 1.5 | A
~I 5.5.2 Không có công chức, viên chức bị xử lý kỷ luật | 1.5 | A | R=Có 01 viên chức bị kỷ luật hình thức khiển trách
~I 8.2.1 Mức độ hài lòng của người dân, tổ chức khi giải quyết TTHC | 3.5 | S
~C 8.5 Tác động đến phát triển kinh tế – xã hội của ngành, lĩnh vực | 2 | S
"""

SO_2025_PATCH = """
~F 2 Cải cách thể chế
~F 5 Cải cách chế độ công vụ
~F 7 Xây dựng và phát triển Chính quyền điện tử, chính quyền số
~C 4.2 Sắp xếp, tinh gọn tổ chức bộ máy theo Kết luận số 121-KL/TW và Nghị quyết số 18-NQ/TW | 2 | A | R=Chưa ban hành quy định chức năng, nhiệm vụ của 01 phòng sau sắp xếp
~I 4.3.2 Giải quyết chế độ, chính sách đối với người nghỉ việc do sắp xếp tổ chức bộ máy (Nghị định 178/2024/NĐ-CP) | 1.5 | A | T | R=Giải quyết đúng hạn {p}% số hồ sơ
~C 4.4 Thực hiện phân cấp, phân quyền khi vận hành chính quyền địa phương hai cấp | 1 | A | NA=Không có nhiệm vụ phân cấp, phân quyền
~I 5.1.1 Rà soát, điều chỉnh vị trí việc làm sau sắp xếp tổ chức bộ máy | 1 | A
~I 3.3.1 Đưa TTHC vào tiếp nhận tại Trung tâm Phục vụ hành chính công không phụ thuộc địa giới hành chính | 1.5 | A | NA=Không phát sinh TTHC | R=Còn {n} TTHC chưa tiếp nhận không phụ thuộc địa giới hành chính
~I 3.3.4 Số hóa hồ sơ, kết quả giải quyết TTHC | 1 | A | T | NA=Không phát sinh TTHC | R=Tỷ lệ số hóa kết quả giải quyết TTHC đạt {p}%
~I 7.1.2 Tỷ lệ văn bản trao đổi giữa các cơ quan hoàn toàn dưới dạng điện tử | 1.5 | A | T | R=Tỷ lệ văn bản điện tử đạt {p}%
~I 7.2.1 Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình | 1.5 | A | T | NA=Không phát sinh TTHC | R=Tỷ lệ TTHC trực tuyến toàn trình đạt {p}% chỉ tiêu
~I 7.2.2 Tỷ lệ hồ sơ TTHC tiếp nhận, giải quyết trực tuyến toàn trình | 2 | A | T | NA=Không phát sinh TTHC | R=Tỷ lệ hồ sơ trực tuyến toàn trình đạt {p}%
~I 7.2.3 Tỷ lệ hồ sơ TTHC có phí, lệ phí được thanh toán trực tuyến | 1 | A | T | NA=Không phát sinh TTHC có phí, lệ phí | R=Tỷ lệ thanh toán trực tuyến đạt {p}%
~I 7.2.4 Sử dụng Hệ thống thông tin giải quyết TTHC của tỉnh | 1 | A | NA=Không phát sinh TTHC | R=Một số hồ sơ chưa cập nhật trạng thái xử lý trên hệ thống
~C 7.3 Triển khai Đề án 06 về ứng dụng dữ liệu dân cư, định danh và xác thực điện tử
~I 7.3.1 Khai thác, sử dụng dữ liệu dân cư trong giải quyết TTHC | 1 | A | NA=Không phát sinh TTHC
~I 7.3.2 Tái sử dụng dữ liệu, giấy tờ đã số hóa | 1 | A | R=Chưa khai thác kho dữ liệu số hóa của tổ chức, cá nhân
~C 7.4 Sử dụng các nền tảng số dùng chung của tỉnh | 1 | A
~I 7.5.2 Chất lượng thông tin trên Cổng thông tin điện tử của cơ quan | 1 | S
~I 8.3.1 Hiệu quả hoạt động của bộ máy sau sắp xếp, hợp nhất | 1.5 | S
"""

FW_HUYEN_2020 = """
F 1 Công tác chỉ đạo, điều hành CCHC
C 1.1 Kế hoạch cải cách hành chính năm
I 1.1.1 Ban hành kế hoạch CCHC năm đúng thời hạn | 1 | A | R=Ban hành chậm {n} ngày so với quy định | SN=Kế hoạch số {n}/KH-UBND ngày {d}/12/{py}
I 1.1.2 Mức độ hoàn thành kế hoạch CCHC năm | 1.5 | A | T | R=Hoàn thành {p}% nhiệm vụ trong kế hoạch
C 1.2 Thực hiện chế độ báo cáo CCHC định kỳ | 1 | A | R=Báo cáo CCHC quý III gửi chậm {n} ngày | SN=Báo cáo số {n}/BC-UBND ngày {d}/12/{y}
C 1.3 Kiểm tra công tác CCHC
I 1.3.1 Tỷ lệ cơ quan chuyên môn, UBND cấp xã được kiểm tra trong năm | 1 | A | T | R=Kiểm tra được {p}% số đơn vị theo kế hoạch
I 1.3.2 Xử lý các vấn đề phát hiện qua kiểm tra | 0.5 | A | R=Chưa theo dõi việc khắc phục sau kiểm tra
C 1.4 Công tác tuyên truyền CCHC | 1 | A | R=Chưa thực hiện chuyên mục tuyên truyền CCHC trên Đài truyền thanh huyện
C 1.5 Sáng kiến, giải pháp mới trong triển khai nhiệm vụ CCHC | 1 | A
C 1.6 Thực hiện nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao | 2 | A | T | R=Có {n} nhiệm vụ hoàn thành quá hạn
C 1.7 Chỉ đạo xác định Chỉ số CCHC đối với cơ quan chuyên môn và UBND cấp xã | 1 | A | R=Công bố Chỉ số CCHC cấp xã chậm so với kế hoạch
C 1.8 Đánh giá về công tác chỉ đạo, điều hành CCHC
I 1.8.1 Tính kịp thời, đầy đủ của kế hoạch CCHC của huyện | 1 | S
I 1.8.2 Sự quyết liệt của người đứng đầu UBND huyện trong chỉ đạo CCHC | 1 | S
F 2 Xây dựng và tổ chức thực hiện văn bản QPPL
C 2.1 Ban hành văn bản QPPL thuộc thẩm quyền của HĐND, UBND huyện | 1 | A | NA=Trong năm không ban hành văn bản QPPL
C 2.2 Rà soát, hệ thống hóa văn bản QPPL
I 2.2.1 Thực hiện rà soát, hệ thống hóa văn bản QPPL theo kế hoạch | 1 | A | R=Báo cáo kết quả rà soát gửi chậm {n} ngày
I 2.2.2 Xử lý kết quả rà soát văn bản QPPL | 0.5 | A | NA=Qua rà soát không phát hiện văn bản cần xử lý
C 2.3 Theo dõi thi hành pháp luật | 1 | A
C 2.4 Kiểm tra, xử lý văn bản QPPL do HĐND, UBND cấp xã ban hành | 1 | A | R=Chưa kiểm tra hết văn bản do cấp xã gửi đến
C 2.5 Phổ biến, giáo dục pháp luật và xây dựng xã, phường, thị trấn đạt chuẩn tiếp cận pháp luật | 1.5 | A | T | R=Tỷ lệ xã đạt chuẩn tiếp cận pháp luật đạt {p}% kế hoạch
C 2.6 Đánh giá về chất lượng văn bản QPPL của huyện
I 2.6.1 Tính phù hợp của văn bản QPPL với thực tiễn địa phương | 1 | S
I 2.6.2 Tính kịp thời trong tổ chức thực hiện văn bản QPPL | 1 | S
F 3 Cải cách thủ tục hành chính
C 3.1 Rà soát, đánh giá TTHC | 1 | A | T | R=Rà soát đạt {p}% số TTHC theo kế hoạch
C 3.2 Công khai TTHC
I 3.2.1 Công khai đầy đủ, đúng quy định TTHC tại Bộ phận Một cửa cấp huyện | 1 | A
I 3.2.2 Tỷ lệ UBND cấp xã công khai TTHC đầy đủ, đúng quy định | 1 | A | T | R=Có {n} xã công khai TTHC chưa cập nhật
C 3.3 Thực hiện cơ chế một cửa, một cửa liên thông
I 3.3.1 Bố trí, vận hành Bộ phận Một cửa cấp huyện đúng quy định | 1 | A
I 3.3.2 Tỷ lệ hồ sơ TTHC cấp huyện giải quyết đúng hạn | 2.5 | A | T | R=Có {n} hồ sơ cấp huyện giải quyết quá hạn
I 3.3.3 Tỷ lệ hồ sơ TTHC cấp xã giải quyết đúng hạn | 2 | A | T | R=Có {n} hồ sơ cấp xã giải quyết quá hạn
I 3.3.4 Thực hiện xin lỗi tổ chức, cá nhân khi hồ sơ giải quyết quá hạn | 0.5 | A | NA=Không có hồ sơ giải quyết quá hạn
I 3.3.5 Thực hiện liên thông TTHC giữa các cấp chính quyền | 1 | A
I 3.3.6 Tiếp nhận hồ sơ, trả kết quả qua dịch vụ bưu chính công ích | 1 | A | T | R=Tỷ lệ hồ sơ qua bưu chính công ích đạt {p}% chỉ tiêu
C 3.4 Tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính | 1 | A | NA=Trong năm không phát sinh phản ánh, kiến nghị
C 3.5 Giải quyết hồ sơ đất đai đúng hạn | 2 | A | T | R=Còn {n} hồ sơ đất đai giải quyết quá hạn
C 3.6 Đánh giá của người dân, tổ chức về giải quyết TTHC
I 3.6.1 Mức độ công khai, minh bạch của TTHC | 1 | S
I 3.6.2 Thái độ phục vụ của công chức Bộ phận Một cửa | 1 | S
I 3.6.3 Thời gian giải quyết hồ sơ so với quy định | 1 | S
F 4 Cải cách tổ chức bộ máy hành chính
C 4.1 Thực hiện quy định về tổ chức các cơ quan chuyên môn thuộc UBND huyện | 1.5 | A
C 4.2 Sắp xếp đơn vị sự nghiệp công lập theo Nghị quyết số 19-NQ/TW | 1.5 | A | R=Chưa hoàn thành sáp nhập trường học theo đề án
C 4.3 Quản lý, sử dụng biên chế
I 4.3.1 Sử dụng biên chế không vượt số được giao | 1 | A
I 4.3.2 Thực hiện tinh giản biên chế theo lộ trình | 1 | A | T | R=Tỷ lệ tinh giản biên chế đạt {p}% so với lộ trình
C 4.4 Sắp xếp thôn, tổ dân phố và bố trí người hoạt động không chuyên trách | 1 | A | R=Còn {n} thôn chưa hoàn thành sáp nhập theo đề án
C 4.5 Thực hiện phân cấp quản lý nhà nước | 1 | A
C 4.6 Đánh giá về tổ chức bộ máy
I 4.6.1 Sự phù hợp của cơ cấu tổ chức các cơ quan chuyên môn | 1 | S
I 4.6.2 Sự phối hợp giữa các cơ quan chuyên môn trong thực thi nhiệm vụ | 1 | S
F 5 Xây dựng và nâng cao chất lượng đội ngũ CBCCVC
C 5.1 Vị trí việc làm
I 5.1.1 Xây dựng, điều chỉnh đề án vị trí việc làm | 1 | A
I 5.1.2 Bố trí công chức, viên chức theo vị trí việc làm | 1 | A | R=Có {n} viên chức bố trí chưa đúng vị trí việc làm
C 5.2 Tuyển dụng, bổ nhiệm công chức, viên chức đúng quy định | 1.5 | A | NA=Trong năm không tuyển dụng, bổ nhiệm
C 5.3 Đánh giá, phân loại cán bộ, công chức, viên chức | 1 | A
C 5.4 Đào tạo, bồi dưỡng
I 5.4.1 Đào tạo, bồi dưỡng công chức, viên chức cấp huyện | 1 | A | T | R=Hoàn thành {p}% kế hoạch đào tạo, bồi dưỡng
I 5.4.2 Đào tạo, bồi dưỡng cán bộ, công chức cấp xã | 1 | A | T | R=Hoàn thành {p}% kế hoạch bồi dưỡng cán bộ, công chức cấp xã
C 5.5 Kỷ luật, kỷ cương hành chính
I 5.5.1 Thực hiện kiểm tra công vụ, chấn chỉnh kỷ luật, kỷ cương | 1 | A
I 5.5.2 Không có cán bộ, công chức, viên chức bị xử lý kỷ luật | 2 | A | R=Có {n} viên chức bị kỷ luật;Có 01 công chức cấp xã bị kỷ luật cảnh cáo
C 5.6 Quản lý cán bộ, công chức cấp xã
I 5.6.1 Tỷ lệ cán bộ, công chức cấp xã đạt chuẩn | 1.5 | A | T | R=Tỷ lệ cán bộ, công chức cấp xã đạt chuẩn {p}%
I 5.6.2 Bố trí số lượng cán bộ, công chức cấp xã không vượt quy định | 1 | A
C 5.7 Đánh giá về đội ngũ CBCCVC
I 5.7.1 Năng lực của công chức cấp huyện | 1 | S
I 5.7.2 Tinh thần, thái độ phục vụ của cán bộ, công chức, viên chức | 1 | S
F 6 Cải cách tài chính công
C 6.1 Quản lý, sử dụng ngân sách nhà nước
I 6.1.1 Thực hiện dự toán thu ngân sách nhà nước trên địa bàn | 1.5 | A | T | R=Thu ngân sách đạt {p}% dự toán
I 6.1.2 Giải ngân vốn đầu tư công đúng tiến độ | 1.5 | A | T | R=Giải ngân đạt {p}% kế hoạch vốn
I 6.1.3 Công khai ngân sách theo quy định | 1 | A
I 6.1.4 Thực hiện kiến nghị thanh tra, kiểm toán về tài chính | 1 | A | NA=Trong năm không có kết luận thanh tra, kiểm toán
C 6.2 Thực hiện cơ chế tự chủ tài chính
I 6.2.1 Thực hiện tự chủ tại cơ quan hành chính | 1 | A
I 6.2.2 Thực hiện tự chủ tại đơn vị sự nghiệp công lập | 1 | A | R=Còn {n} đơn vị sự nghiệp chưa được giao tự chủ
C 6.3 Quản lý, sử dụng tài sản công | 1 | A
C 6.4 Đánh giá về quản lý tài chính công | 1 | S
F 7 Hiện đại hóa hành chính
C 7.1 Ứng dụng công nghệ thông tin
I 7.1.1 Ban hành và thực hiện kế hoạch ứng dụng CNTT năm | 1 | A
I 7.1.2 Tỷ lệ văn bản điện tử có chữ ký số tại cấp huyện và cấp xã | 2 | A | T | R=Tỷ lệ văn bản điện tử đạt {p}%
I 7.1.3 Sử dụng phần mềm quản lý văn bản, thư điện tử công vụ | 1 | A
I 7.1.4 Vận hành Trang thông tin điện tử của huyện | 1 | A | R=Chưa cập nhật đầy đủ thông tin theo quy định
C 7.2 Dịch vụ công trực tuyến
I 7.2.1 Tỷ lệ hồ sơ TTHC xử lý trực tuyến mức độ 3, 4 | 2 | A | T | R=Tỷ lệ hồ sơ trực tuyến đạt {p}%
I 7.2.2 Sử dụng phần mềm một cửa điện tử ở cấp huyện, cấp xã | 1.5 | A | R=Một số xã chưa cập nhật hồ sơ trên phần mềm
I 7.2.3 Tích hợp dịch vụ công trực tuyến trên Cổng Dịch vụ công quốc gia | 1 | A
C 7.3 Áp dụng Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015
I 7.3.1 Áp dụng, duy trì Hệ thống quản lý chất lượng tại UBND huyện | 1 | A
I 7.3.2 Tỷ lệ UBND cấp xã áp dụng Hệ thống quản lý chất lượng | 1 | A | T | R=Có {n} xã chưa công bố lại Hệ thống quản lý chất lượng
C 7.4 Hệ thống hội nghị truyền hình trực tuyến từ huyện đến xã | 1.5 | A | R=Còn {n} xã chưa kết nối hội nghị trực tuyến
C 7.5 Đánh giá về hiện đại hóa hành chính
I 7.5.1 Mức độ thuận tiện khi sử dụng dịch vụ công trực tuyến | 1 | S
I 7.5.2 Chất lượng thông tin trên Trang thông tin điện tử của huyện | 1 | S
F 8 Tác động của CCHC đến người dân, tổ chức và phát triển kinh tế – xã hội
C 8.1 Tác động đến chất lượng thể chế trên địa bàn | 2 | S
C 8.2 Tác động đến chất lượng giải quyết TTHC
I 8.2.1 Mức độ hài lòng của người dân, tổ chức khi giải quyết TTHC | 3 | S
I 8.2.2 Tình trạng nhũng nhiễu, gây phiền hà trong giải quyết TTHC | 2 | S
C 8.3 Tác động đến tổ chức bộ máy và đội ngũ CBCCVC | 2 | S
C 8.4 Tác động đến quản lý tài chính công | 1.5 | S
C 8.5 Tác động đến phát triển kinh tế – xã hội của huyện
I 8.5.1 Thu hút đầu tư, phát triển sản xuất kinh doanh trên địa bàn | 2 | S
I 8.5.2 Thực hiện các chỉ tiêu phát triển kinh tế – xã hội | 2 | S
I 8.5.3 Giảm nghèo, nâng cao đời sống nhân dân | 1.5 | S
F 9 Điểm thưởng, điểm trừ
C 9.1 Điểm thưởng
I 9.1.1 Sáng kiến, giải pháp CCHC được cấp tỉnh trở lên công nhận | 1 | B | BN=Sáng kiến được Hội đồng sáng kiến tỉnh công nhận năm {y}
I 9.1.2 Được cấp có thẩm quyền khen thưởng về thành tích CCHC | 1 | B | BN=Bằng khen của Chủ tịch UBND tỉnh về thành tích CCHC
C 9.2 Điểm trừ
I 9.2.1 Bị UBND tỉnh, Chủ tịch UBND tỉnh phê bình, nhắc nhở bằng văn bản về CCHC | 1 | P | BN=Công văn số {n}/UBND-NC ngày {d}/10/{y} nhắc nhở chậm báo cáo
I 9.2.2 Để xảy ra sai phạm trong giải quyết TTHC bị xử lý | 1 | P | BN=Kết luận kiểm tra số {n}/KL-SNV, 01 hồ sơ đất đai sai quy trình
I 9.2.3 Để xảy ra khiếu kiện đông người, vượt cấp liên quan đến giải quyết TTHC | 1 | P | BN=Khiếu nại vượt cấp về hồ sơ đất đai tháng {d}/{y}
"""

HUYEN_2019_PATCH = """
~I 7.2.3 Tỷ lệ TTHC cung cấp trực tuyến mức độ 3, 4 | 1 | A | T | R=Tỷ lệ TTHC trực tuyến mức độ 3, 4 đạt {p}% chỉ tiêu
~C 3.5 Giải quyết hồ sơ đất đai đúng hạn | 1.5 | A | T | R=Còn {n} hồ sơ đất đai giải quyết quá hạn
~I 3.3.2 Tỷ lệ hồ sơ TTHC cấp huyện giải quyết đúng hạn | 3 | A | T | R=Có {n} hồ sơ cấp huyện giải quyết quá hạn
~C 7.4 Triển khai hệ thống quản lý văn bản liên thông từ huyện đến xã | 1.5 | A | R=Còn {n} xã chưa liên thông văn bản điện tử
~I 8.5.1 Thu hút đầu tư, phát triển sản xuất kinh doanh trên địa bàn | 1.5 | S
~I 8.5.3 Giảm nghèo, nâng cao đời sống nhân dân | 2 | S
"""

FW_XA_2020 = """
F 1 Công tác chỉ đạo, điều hành CCHC
C 1.1 Ban hành kế hoạch CCHC năm đúng thời hạn | 1.5 | A | R=Ban hành chậm {n} ngày so với hướng dẫn của UBND huyện | SN=Kế hoạch số {n}/KH-UBND ngày {d}/01/{y}
C 1.2 Mức độ hoàn thành kế hoạch CCHC năm | 2 | A | T | R=Hoàn thành {p}% nhiệm vụ trong kế hoạch
C 1.3 Thực hiện chế độ báo cáo CCHC | 1.5 | A | R=Báo cáo quý II gửi chậm {n} ngày;Thiếu báo cáo CCHC quý III
C 1.4 Tuyên truyền CCHC trên hệ thống truyền thanh cơ sở | 1.5 | A | R=Chưa duy trì chuyên mục tuyên truyền CCHC hằng tháng
C 1.5 Thực hiện nhiệm vụ UBND huyện, Chủ tịch UBND huyện giao | 2.5 | A | T | R=Có {n} nhiệm vụ hoàn thành quá hạn
C 1.6 Đánh giá về công tác chỉ đạo, điều hành CCHC của UBND cấp xã | 2 | S
F 2 Xây dựng và tổ chức thực hiện văn bản QPPL
C 2.1 Ban hành văn bản QPPL đúng quy định | 1.5 | A | NA=Trong năm không ban hành văn bản QPPL
C 2.2 Rà soát, hệ thống hóa văn bản QPPL | 1.5 | A | R=Chưa gửi báo cáo kết quả rà soát
C 2.3 Thực hiện tiêu chí xã, phường, thị trấn đạt chuẩn tiếp cận pháp luật | 1.5 | A | R=Chưa đạt {n} chỉ tiêu chuẩn tiếp cận pháp luật
C 2.4 Hoạt động hòa giải ở cơ sở | 1.5 | A | T | R=Tỷ lệ hòa giải thành đạt {p}%
C 2.5 Đánh giá về tổ chức thực hiện pháp luật trên địa bàn | 2 | S
F 3 Cải cách thủ tục hành chính
C 3.1 Công khai TTHC
I 3.1.1 Niêm yết công khai đầy đủ TTHC tại Bộ phận Một cửa | 1.5 | A | R=Còn {n} TTHC niêm yết chưa cập nhật
I 3.1.2 Công khai địa chỉ tiếp nhận phản ánh, kiến nghị | 0.5 | A
C 3.2 Thực hiện cơ chế một cửa, một cửa liên thông
I 3.2.1 Bố trí Bộ phận Một cửa đúng quy định | 1.5 | A
I 3.2.2 Tỷ lệ hồ sơ TTHC giải quyết đúng hạn | 4 | A | T | R=Có {n} hồ sơ giải quyết quá hạn
I 3.2.3 Thực hiện xin lỗi khi hồ sơ giải quyết quá hạn | 1 | A | NA=Không có hồ sơ giải quyết quá hạn
I 3.2.4 Cập nhật hồ sơ trên phần mềm một cửa điện tử | 2 | A | T | R=Tỷ lệ hồ sơ cập nhật trên phần mềm đạt {p}%
I 3.2.5 Thực hiện liên thông TTHC về đăng ký khai sinh, thường trú, cấp thẻ bảo hiểm y tế | 1.5 | A
C 3.3 Tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính | 1 | A | NA=Trong năm không phát sinh phản ánh, kiến nghị
C 3.4 Thực hiện chứng thực, hộ tịch đúng quy định | 2 | A | R=Sổ hộ tịch ghi chép chưa đầy đủ;Có {n} hồ sơ chứng thực lưu trữ chưa đúng quy định
C 3.5 Tiếp nhận hồ sơ, trả kết quả qua dịch vụ bưu chính công ích | 2 | A | T | R=Tỷ lệ hồ sơ qua bưu chính công ích đạt {p}% chỉ tiêu
C 3.6 Đánh giá của người dân về giải quyết TTHC
I 3.6.1 Sự công khai, minh bạch của TTHC | 1 | S
I 3.6.2 Thái độ phục vụ của công chức | 1.5 | S
I 3.6.3 Thời gian giải quyết hồ sơ | 1.5 | S
F 4 Cải cách tổ chức bộ máy hành chính
C 4.1 Thực hiện quy chế làm việc, phân công nhiệm vụ trong UBND cấp xã | 1.5 | A
C 4.2 Sắp xếp thôn, tổ dân phố theo quy định | 1.5 | A | NA=Không thuộc diện sắp xếp thôn, tổ dân phố
C 4.3 Bố trí người hoạt động không chuyên trách đúng số lượng quy định | 2 | A | R=Bố trí vượt {n} người hoạt động không chuyên trách
C 4.4 Đánh giá về tổ chức bộ máy UBND cấp xã | 1 | S
F 5 Xây dựng và nâng cao chất lượng đội ngũ CBCCVC
C 5.1 Cán bộ, công chức đạt chuẩn chức danh | 2 | A | T | R=Có {n} công chức chưa đạt chuẩn trình độ chuyên môn
C 5.2 Đánh giá, phân loại cán bộ, công chức | 1.5 | A
C 5.3 Đào tạo, bồi dưỡng cán bộ, công chức | 2 | A | T | R=Hoàn thành {p}% kế hoạch bồi dưỡng
C 5.4 Chấp hành kỷ luật, kỷ cương hành chính
I 5.4.1 Chấp hành thời giờ làm việc, văn hóa công vụ | 2 | A | R=Qua kiểm tra đột xuất có 01 công chức vắng mặt không lý do
I 5.4.2 Không có cán bộ, công chức bị xử lý kỷ luật | 2.5 | A | R=Có 01 công chức bị kỷ luật khiển trách
C 5.5 Tuyển dụng, tiếp nhận công chức cấp xã đúng quy định | 2 | A | NA=Trong năm không tuyển dụng, tiếp nhận công chức
C 5.6 Đánh giá về đội ngũ cán bộ, công chức cấp xã | 2 | S
F 6 Cải cách tài chính công
C 6.1 Thực hiện dự toán thu ngân sách được giao | 2 | A | T | R=Thu ngân sách đạt {p}% dự toán
C 6.2 Công khai ngân sách xã | 1.5 | A | R=Công khai quyết toán ngân sách chậm {n} ngày
C 6.3 Ban hành và thực hiện quy chế chi tiêu nội bộ | 1.5 | A
C 6.4 Quản lý tài sản công, quỹ công chuyên dùng | 1.5 | A
C 6.5 Thực hiện kết luận thanh tra, kiểm toán | 1.5 | A | NA=Trong năm không có kết luận thanh tra, kiểm toán
C 6.6 Đánh giá về quản lý tài chính cấp xã | 1 | S
F 7 Hiện đại hóa hành chính
C 7.1 Ứng dụng công nghệ thông tin
I 7.1.1 Tỷ lệ văn bản điện tử có chữ ký số | 2.5 | A | T | R=Tỷ lệ văn bản điện tử đạt {p}%
I 7.1.2 Sử dụng phần mềm quản lý văn bản, thư điện tử công vụ | 2 | A
I 7.1.3 Cung cấp thông tin trên Trang thông tin điện tử | 1.5 | A | R=Chưa cập nhật đầy đủ thông tin
C 7.2 Dịch vụ công trực tuyến
I 7.2.1 Tỷ lệ hồ sơ TTHC xử lý trực tuyến mức độ 3, 4 | 2.5 | A | T | R=Tỷ lệ hồ sơ trực tuyến đạt {p}%
I 7.2.2 Hướng dẫn người dân nộp hồ sơ trực tuyến | 1.5 | A
C 7.3 Áp dụng Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 | 2 | A | R=Chưa công bố lại Hệ thống quản lý chất lượng
C 7.4 Trang thiết bị của Bộ phận Một cửa | 1 | A
C 7.5 Đánh giá về ứng dụng CNTT, dịch vụ công trực tuyến | 2 | S
F 8 Tác động của CCHC đến người dân, tổ chức và phát triển kinh tế – xã hội
C 8.1 Sự hài lòng của người dân đối với giải quyết TTHC | 4 | S
C 8.2 Tình trạng nhũng nhiễu, gây phiền hà | 3 | S
C 8.3 Tác động đến phát triển kinh tế – xã hội, xây dựng nông thôn mới | 3 | S
C 8.4 Tác động đến an ninh, trật tự và đời sống nhân dân | 3 | S
C 8.5 Niềm tin của người dân vào chính quyền cơ sở | 3 | S
F 9 Điểm thưởng, điểm trừ
C 9.1 Điểm thưởng
I 9.1.1 Sáng kiến, giải pháp CCHC được UBND huyện trở lên công nhận | 1 | B | BN=Sáng kiến được UBND huyện công nhận năm {y}
I 9.1.2 Được cấp có thẩm quyền khen thưởng về thành tích CCHC | 1 | B | BN=Giấy khen của Chủ tịch UBND huyện về thành tích CCHC
C 9.2 Bị UBND huyện phê bình, nhắc nhở bằng văn bản về CCHC | 1 | P | BN=Công văn số {n}/UBND ngày {d}/8/{y} của UBND huyện nhắc nhở
"""

XA_2019_PATCH = """
~C 1.4 Tuyên truyền CCHC | 1.5 | A | R=Chưa thực hiện đủ hình thức tuyên truyền theo kế hoạch
~I 3.2.5 Thực hiện liên thông TTHC về đăng ký khai sinh, thường trú | 1.5 | A
~C 3.5 Niêm yết, thông báo số điện thoại đường dây nóng | 2 | A | R=Chưa niêm yết số điện thoại đường dây nóng
~C 8.4 Tác động đến an ninh, trật tự trên địa bàn | 3 | S
"""

XA_2025_PATCH = """
~F 2 Cải cách thể chế
~F 5 Cải cách chế độ công vụ
~F 7 Xây dựng và phát triển Chính quyền điện tử, chính quyền số
~C 1.1 Ban hành kế hoạch CCHC năm đúng thời hạn | 1.5 | A | R=Ban hành chậm {n} ngày so với hướng dẫn của Sở Nội vụ | SN=Kế hoạch số {n}/KH-UBND ngày {d}/7/{y}
~C 1.5 Thực hiện nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao | 2.5 | A | T | R=Có {n} nhiệm vụ hoàn thành quá hạn
~C 2.3 Tiếp nhận, tổ chức thực hiện nhiệm vụ chuyển giao từ cấp huyện | 1.5 | A | R=Chưa ban hành kế hoạch tiếp nhận {n} nhiệm vụ chuyển giao
~I 3.2.1 Vận hành Trung tâm Phục vụ hành chính công cấp xã đúng quy định | 1.5 | A | R=Bố trí công chức tại Trung tâm chưa đủ theo đề án
~C 3.5 Số hóa hồ sơ, kết quả giải quyết TTHC | 2 | A | T | R=Tỷ lệ số hóa kết quả giải quyết TTHC đạt {p}%
~C 4.1 Vận hành bộ máy chính quyền cấp xã theo mô hình hai cấp | 1.5 | A
~C 4.2 Sắp xếp thôn, tổ dân phố sau sắp xếp đơn vị hành chính | 1.5 | A | NA=Không thuộc diện sắp xếp thôn, tổ dân phố
~C 4.3 Bố trí cán bộ, công chức theo vị trí việc làm sau sắp xếp | 2 | A | R=Còn {n} công chức bố trí chưa phù hợp vị trí việc làm
~I 7.2.1 Tỷ lệ hồ sơ TTHC tiếp nhận, giải quyết trực tuyến toàn trình | 2.5 | A | T | R=Tỷ lệ hồ sơ trực tuyến toàn trình đạt {p}%
~I 7.2.2 Triển khai Đề án 06, hướng dẫn người dân sử dụng định danh điện tử | 1.5 | A
~C 8.3 Tác động đến phát triển kinh tế – xã hội của địa phương | 3 | S
~I 9.1.1 Sáng kiến, giải pháp CCHC được cấp tỉnh trở lên công nhận | 1 | B | BN=Sáng kiến được Hội đồng sáng kiến tỉnh công nhận năm {y}
~I 9.1.2 Được cấp có thẩm quyền khen thưởng về thành tích CCHC | 1 | B | BN=Giấy khen của Giám đốc Sở Nội vụ về thành tích CCHC
~C 9.2 Bị UBND tỉnh, Chủ tịch UBND tỉnh phê bình, nhắc nhở bằng văn bản về CCHC | 1 | P | BN=Công văn số {n}/UBND-NC ngày {d}/11/{y} nhắc nhở chậm triển khai
"""

FW_PHONG_2020 = """
F 1 Công tác chỉ đạo, điều hành CCHC
C 1.1 Ban hành kế hoạch CCHC của cơ quan đúng thời hạn | 2 | A | R=Ban hành chậm {n} ngày | SN=Kế hoạch số {n}/KH-{abbr} ngày {d}/01/{y}
C 1.2 Mức độ hoàn thành nhiệm vụ CCHC được giao | 3 | A | T | R=Hoàn thành {p}% nhiệm vụ được giao
C 1.3 Báo cáo CCHC đầy đủ, đúng thời hạn | 2 | A | R=Báo cáo quý gửi chậm {n} ngày
C 1.4 Thực hiện nhiệm vụ UBND huyện, Chủ tịch UBND huyện giao | 3 | A | T | R=Có {n} nhiệm vụ hoàn thành quá hạn
C 1.5 Tuyên truyền CCHC thuộc lĩnh vực phụ trách | 2 | A
C 1.6 Đánh giá về công tác chỉ đạo, điều hành CCHC của cơ quan | 3 | S
F 2 Xây dựng và tổ chức thực hiện văn bản QPPL
C 2.1 Tham mưu ban hành văn bản QPPL thuộc lĩnh vực | 3 | A | NA=Không được giao tham mưu văn bản QPPL | R=Dự thảo trình chậm {n} ngày
C 2.2 Rà soát văn bản QPPL thuộc lĩnh vực | 2.5 | A
C 2.3 Theo dõi thi hành pháp luật thuộc lĩnh vực | 2.5 | A | R=Chưa báo cáo kết quả theo dõi thi hành pháp luật
C 2.4 Đánh giá về chất lượng tham mưu văn bản | 3 | S
F 3 Cải cách thủ tục hành chính
C 3.1 Rà soát, cập nhật TTHC thuộc lĩnh vực | 3 | A | NA=Lĩnh vực phụ trách không có TTHC
C 3.2 Tỷ lệ hồ sơ TTHC thuộc lĩnh vực giải quyết đúng hạn | 5 | A | T | NA=Lĩnh vực phụ trách không có TTHC | R=Có {n} hồ sơ giải quyết quá hạn
C 3.3 Cử công chức làm việc tại Bộ phận Một cửa cấp huyện | 3 | A | NA=Lĩnh vực phụ trách không có TTHC
C 3.4 Xử lý phản ánh, kiến nghị thuộc lĩnh vực | 3 | A | NA=Không phát sinh phản ánh, kiến nghị
C 3.5 Đánh giá của người dân, tổ chức về giải quyết TTHC thuộc lĩnh vực | 5 | S | NA=Lĩnh vực phụ trách không có TTHC
F 4 Cải cách tổ chức bộ máy hành chính
C 4.1 Phân công nhiệm vụ công chức theo vị trí việc làm | 3 | A
C 4.2 Xây dựng và thực hiện quy chế làm việc của cơ quan | 3 | A
C 4.3 Đánh giá về tổ chức, phân công nhiệm vụ | 2 | S
F 5 Xây dựng và nâng cao chất lượng đội ngũ CBCCVC
C 5.1 Đánh giá, phân loại công chức | 2.5 | A
C 5.2 Đào tạo, bồi dưỡng công chức | 2.5 | A | T | R=Hoàn thành {p}% kế hoạch bồi dưỡng
C 5.3 Chấp hành kỷ luật, kỷ cương, văn hóa công vụ | 3 | A | R=01 công chức đi muộn bị nhắc nhở qua kiểm tra công vụ
C 5.4 Không có công chức bị xử lý kỷ luật | 3 | A | R=Có 01 công chức bị kỷ luật khiển trách
C 5.5 Đánh giá về năng lực, thái độ phục vụ của công chức | 3 | S
F 6 Cải cách tài chính công
C 6.1 Thực hiện tiết kiệm chi thường xuyên | 3 | A
C 6.2 Quản lý, sử dụng tài sản được giao | 3 | A
C 6.3 Đánh giá về thực hành tiết kiệm, chống lãng phí | 1 | S
F 7 Hiện đại hóa hành chính
C 7.1 Tỷ lệ văn bản điện tử có chữ ký số | 4 | A | T | R=Tỷ lệ văn bản điện tử đạt {p}%
C 7.2 Sử dụng phần mềm quản lý văn bản, thư điện tử công vụ | 3 | A
C 7.3 Áp dụng Hệ thống quản lý chất lượng trong giải quyết công việc | 3 | A
C 7.4 Dịch vụ công trực tuyến thuộc lĩnh vực | 3 | A | T | NA=Lĩnh vực phụ trách không có TTHC | R=Tỷ lệ hồ sơ trực tuyến đạt {p}%
C 7.5 Đánh giá về ứng dụng CNTT của cơ quan | 3 | S
F 8 Tác động của CCHC đến người dân, tổ chức và phát triển kinh tế – xã hội
C 8.1 Sự hài lòng của người dân, tổ chức với kết quả phục vụ | 4 | S
C 8.2 Tác động đến thực hiện nhiệm vụ chuyên môn | 3 | S
C 8.3 Tác động đến phát triển kinh tế – xã hội thuộc lĩnh vực | 3 | S
F 9 Điểm thưởng, điểm trừ
C 9.1 Sáng kiến, giải pháp CCHC được công nhận | 1 | B | BN=Sáng kiến được UBND huyện công nhận năm {y}
C 9.2 Bị UBND huyện phê bình, nhắc nhở về CCHC | 1 | P | BN=Thông báo số {n}/TB-UBND nhắc nhở chậm tham mưu
"""

PHONG_2019_PATCH = """
~C 1.5 Tuyên truyền, phổ biến các văn bản về CCHC | 2 | A
~C 7.4 Tiếp nhận hồ sơ TTHC qua dịch vụ bưu chính công ích | 3 | A | T | NA=Lĩnh vực phụ trách không có TTHC | R=Tỷ lệ hồ sơ qua bưu chính công ích đạt {p}% chỉ tiêu
"""

SOURCES = {"A": "Appraisal", "S": "Survey", "B": "Bonus", "P": "Penalty"}


def fw_lines(text):
    out = []
    for raw in text.strip().splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        kind, rest = line[0], line[1:].strip()
        code = rest.split(" ", 1)[0]
        out.append((kind, code, line))
    return out


def apply_patch(lines, patch):
    lines = list(lines)
    for op_line in fw_lines(patch):
        op, rest = op_line[2][0], op_line[2][1:].strip()
        if op == "~":
            kind, code = rest[0], rest[1:].strip().split(" ", 1)[0]
            idx = [i for i, (k, c, _) in enumerate(lines) if k == kind and c == code]
            if len(idx) != 1:
                raise SystemExit(f"patch: no unique {kind} {code}")
            lines[idx[0]] = (kind, code, rest)
        else:
            raise SystemExit(f"patch: unknown op {op_line}")
    return lines


def parse_framework(code, title, lines):
    fields, meta = [], {}
    field = crit = None
    for kind, c, line in lines:
        body = line[1:].strip()
        parts = [p.strip() for p in body.split("|")]
        head = parts[0]
        ccode, ctitle = head.split(" ", 1)
        if kind == "F":
            field = {"code": ccode, "title": ctitle, "criteria": []}
            fields.append(field)
            crit = None
            continue
        node = {"code": ccode, "title": ctitle}
        is_item = len(parts) > 1
        if is_item:
            mx, src = D(parts[1]), SOURCES[parts[2]]
            opts = {}
            for o in parts[3:]:
                if "=" in o:
                    k, v = o.split("=", 1)
                    opts[k] = v
                else:
                    opts[o] = True
            node["max"] = mx
            node["source"] = src
            node["evidenceRequired"] = src in ("Appraisal", "Bonus") and "NE" not in opts
            if ccode in meta:
                raise SystemExit(f"{code}: duplicate item {ccode}")
            meta[ccode] = {"code": ccode, "max": mx, "source": src, "field": field["code"],
                           "rate": "T" in opts, "na": opts.get("NA"),
                           "reasons": opts["R"].split(";") if "R" in opts else [],
                           "selfnote": opts.get("SN"), "note": opts.get("BN")}
        if kind == "C":
            if not is_item:
                node["items"] = []
            field["criteria"].append(node)
            crit = node
        elif kind == "I":
            if crit is None or "items" not in crit:
                raise SystemExit(f"{code}: item {ccode} outside a criterion with items")
            crit["items"].append(node)
    fw = {"code": code, "title": title, "fields": fields}
    return fw, meta


FW_TITLES = {
    "so": "Bộ tiêu chí xác định Chỉ số CCHC của các sở, ban, ngành",
    "huyen": "Bộ tiêu chí xác định Chỉ số CCHC của UBND các huyện, thành phố",
    "xa": "Bộ tiêu chí xác định Chỉ số CCHC của UBND các xã, phường, thị trấn",
    "phong": "Bộ tiêu chí xác định Chỉ số CCHC của các cơ quan chuyên môn thuộc UBND cấp huyện",
}


def make_frameworks():
    spec = {
        ("so", 2020): (FW_SO_2020, ""), ("so", 2019): (FW_SO_2020, SO_2019_PATCH),
        ("so", 2025): (FW_SO_2020, SO_2025_PATCH),
        ("huyen", 2020): (FW_HUYEN_2020, ""), ("huyen", 2019): (FW_HUYEN_2020, HUYEN_2019_PATCH),
        ("xa", 2020): (FW_XA_2020, ""), ("xa", 2019): (FW_XA_2020, XA_2019_PATCH),
        ("xa", 2025): (FW_XA_2020, XA_2025_PATCH),
        ("phong", 2020): (FW_PHONG_2020, ""), ("phong", 2019): (FW_PHONG_2020, PHONG_2019_PATCH),
    }
    out = {}
    for (kind, year), (base, patch) in spec.items():
        lines = apply_patch(fw_lines(base), patch) if patch else fw_lines(base)
        title = FW_TITLES[kind] + f" năm {year}"
        if year == 2025 and kind == "xa":
            title = f"Bộ tiêu chí xác định Chỉ số CCHC của UBND các xã, phường năm {year}"
        out[(kind, year)] = parse_framework(f"{kind}-{year}", title, lines)
    return out


# ---------------------------------------------------------------------------
# Decimal helpers
# ---------------------------------------------------------------------------

def q(x, places, rounding=ROUND_HALF_UP):
    return x.quantize(D(1).scaleb(-places), rounding=rounding)


def fmt(x):
    x = x.normalize()
    s = format(x, "f")
    return "0" if s in ("-0", "") else s


def rdec(rng, lo, hi, places):
    """A uniformly drawn decimal in [lo, hi] with the given number of places (no floats)."""
    s = 10 ** places
    a, b = int(D(lo) * s), int(D(hi) * s)
    return D(rng.randint(a, b)).scaleb(-places)


def pct(rng, p):
    return rng.randint(1, 100) <= p


def display(index, decimals=2):
    return q(index, decimals)  # ROUND_HALF_UP on positives = midpoint away from zero


def classify(disp):
    for label, mn in BANDS:
        if disp >= mn:
            return label
    return BANDS[-1][0]


# ---------------------------------------------------------------------------
# Score generation
# ---------------------------------------------------------------------------

GENERIC_REASONS = [
    "Tài liệu kiểm chứng chưa đầy đủ",
    "Thực hiện chưa đúng thời hạn quy định",
    "Chưa đáp ứng đầy đủ yêu cầu của tiêu chí",
    "Thiếu tài liệu kiểm chứng, chưa có báo cáo kết quả thực hiện",
    "Tài liệu kiểm chứng không thể hiện kết quả thực hiện trong năm đánh giá",
]
RAISED_NOTE = "Đơn vị bổ sung tài liệu kiểm chứng, Tổ thẩm định công nhận đủ điểm"
QUARTER = D("0.25")


def fill(template, rng, year, abbr, p=None):
    return (template.replace("{n}", str(rng.randint(2, 12)))
            .replace("{p}", str(p if p is not None else rng.randint(70, 95)))
            .replace("{abbr}", abbr).replace("{y}", str(year)).replace("{py}", str(year - 1))
            .replace("{d}", str(rng.randint(10, 28))))


def fill_doc(template, rng, year, abbr):
    # document numbers are larger than day counts
    t = template.replace("{n}", str(rng.randint(15, 320)))
    return fill(t, rng, year, abbr)


# Reasons that would contradict other rows of a unit if drawn at random; only FORCED_NA assigns them.
NEVER_RANDOM_NA = {"Không phát sinh TTHC", "Không có hồ sơ giải quyết quá hạn", "Lĩnh vực phụ trách không có TTHC"}
FORCED_NA = {"PDT": "Lĩnh vực phụ trách không có TTHC"}  # Phòng Dân tộc cấp huyện: no TTHC of its own


def scorecard(rng, unit, abbr, meta, target, year):
    """Rows for one unit whose index is target (displayed the same), per the scoring rules."""
    items = list(meta.values())
    app = [i for i in items if i["source"] == "Appraisal"]
    bon = [i for i in items if i["source"] == "Bonus"]
    pen = [i for i in items if i["source"] == "Penalty"]

    # Not applicable: every item sharing one reason, so that a unit's rows stay consistent.
    na = {}
    forced = FORCED_NA.get(abbr) if "-" in unit else None
    if forced:
        na.update({i["code"]: forced for i in items if i["na"] == forced})
    reasons = sorted({i["na"] for i in app if i["na"] and i["na"] not in NEVER_RANDOM_NA})
    if reasons and pct(rng, 14):
        r = rng.choice(reasons)
        na.update({i["code"]: r for i in app if i["na"] == r})
    sur = [i for i in items if i["source"] == "Survey" and i["code"] not in na]
    bonus, penalty = {}, {}
    if bon and pct(rng, 22):
        i = rng.choice(bon)
        bonus[i["code"]] = min(i["max"], rng.choice([D("0.5"), D("1")]))
    if pen and pct(rng, 9):
        i = rng.choice(pen)
        penalty[i["code"]] = min(i["max"], rng.choice([D("0.5"), D("1")]))

    app_ok = [i for i in app if i["code"] not in na]
    M = sum((i["max"] for i in app_ok + sur), D(0))
    want = display(target)
    O = q(target * M / 100, 4)
    while display(O * 100 / M) != want:  # never more than a step or two
        O += D("0.0001") if display(O * 100 / M) < want else D("-0.0001")
    base = O - sum(bonus.values(), D(0)) + sum(penalty.values(), D(0))
    L = M - base
    assert D(0) <= L <= M, (unit, L)
    Msur = sum((i["max"] for i in sur), D(0))

    # Appraisal cuts: coarse (quarters), rates to 3 decimals; the rest of the loss goes to the survey.
    share = D(rng.randint(40, 70)) / 100
    remaining = L * share
    if L - remaining > Msur * D("0.55"):  # the survey part keeps at least 45 % on average
        remaining = L - Msur * D("0.55")
    cuts = {}
    pool = list(app_ok)
    rng.shuffle(pool)
    for it in pool:
        if remaining < QUARTER:
            break
        m = it["max"]
        if it["rate"]:
            c = rdec(rng, "0.05", min(m * D("0.6"), remaining), 3)
        else:
            n = int(min(m, remaining) / QUARTER)
            if n < 1:
                continue
            c = QUARTER * min(rng.randint(1, n), rng.randint(1, n))
        cuts[it["code"]] = c
        remaining -= c
    Ls = L - sum(cuts.values(), D(0))
    assert D(0) <= Ls <= Msur, (unit, Ls)

    # Survey: spread Ls over the survey items by weight, 4 decimals, an item keeping at least 20 %.
    losses = {i["code"]: D(0) for i in sur}
    caps = {i["code"]: i["max"] * D("0.8") for i in sur}
    rest = Ls
    for _ in range(20):
        free = [i for i in sur if losses[i["code"]] < caps[i["code"]]]
        if rest <= 0 or not free:
            break
        w = {i["code"]: i["max"] * rng.randint(50, 150) for i in free}
        W = sum(w.values())
        for i in free:
            c = i["code"]
            add = q(rest * w[c] / W, 4, ROUND_DOWN)
            add = min(add, caps[c] - losses[c])
            losses[c] += q(add, 4, ROUND_DOWN)
        rest = Ls - sum(losses.values(), D(0))
        if rest < D("0.01"):
            break
    rest = Ls - sum(losses.values(), D(0))
    for i in sorted(sur, key=lambda i: losses[i["code"]] - caps[i["code"]]):  # most room first
        if rest == 0:
            break
        room = caps[i["code"]] - losses[i["code"]]
        take = min(room, rest)
        losses[i["code"]] += take
        rest -= take
    assert rest == 0, (unit, rest)

    rows = []
    for it in items:
        c, m, src = it["code"], it["max"], it["source"]
        if c in na:
            rows.append((unit, c, "not_applicable", "", na[c]))
            continue
        if src == "Appraisal":
            cut = cuts.get(c, D(0))
            a = m - cut
            self_note, app_note = "", ""
            if it["selfnote"] and pct(rng, 45):
                self_note = fill_doc(it["selfnote"], rng, year, abbr)
            if cut > 0:
                r = rng.randint(1, 100)
                if r <= 62:
                    s = m
                elif r <= 85 and cut > QUARTER:
                    s = a + QUARTER * rng.randint(1, int((cut - D("0.001")) / QUARTER))
                    s = min(s, m)
                else:
                    s = a
                if s > a:
                    p = int(q(a / m * 100, 0)) if it["rate"] else None
                    if p is not None:
                        p = min(p, 99)
                    reasons = it["reasons"] or GENERIC_REASONS
                    if it["reasons"] and pct(rng, 20):
                        reasons = GENERIC_REASONS
                    app_note = fill(rng.choice(reasons), rng, year, abbr, p)
            else:
                s = m
                if pct(rng, 2):
                    s = m - min(m / 2, QUARTER * rng.randint(1, 2))
                    app_note = RAISED_NOTE
            rows.append((unit, c, "self", fmt(s), self_note))
            rows.append((unit, c, "appraised", fmt(a), app_note))
        elif src == "Survey":
            rows.append((unit, c, "survey", fmt(m - losses[c]), ""))
        elif src == "Bonus" and c in bonus:
            rows.append((unit, c, "bonus", fmt(bonus[c]), fill_doc(it["note"] or "", rng, year, abbr)))
        elif src == "Penalty" and c in penalty:
            rows.append((unit, c, "penalty", fmt(penalty[c]), fill_doc(it["note"] or "", rng, year, abbr)))
    return rows


def distinct_values(rng, n, lo, hi, taken=None):
    taken = set(taken or ())
    out = []
    while len(out) < n:
        v = rdec(rng, lo, hi, 4)
        if v not in taken:
            taken.add(v)
            out.append(v)
    return sorted(out, reverse=True)


def near(rng, shown):
    """An exact target whose display (2 decimals) is `shown`."""
    return D(shown) + rdec(rng, "-0.0040", "0.0040", 4)


def perturbed(rng, order, spread):
    keyed = [(i + rng.randint(-spread, spread), rng.randint(0, 999), u) for i, u in enumerate(order)]
    return [u for _, _, u in sorted(keyed)]


def plan_bac_kan(rng, units):
    """Exact target indices per cycle year and unit (dict year -> unit -> Decimal)."""
    depts = [u["code"] for u in units if u["parent_code"] == BK and u["level"] == "2" and "-" in u["code"]]
    communes = [u for u in units if u["parent_code"] in BK_DISTRICTS and u["type"] in ("Xã", "Phường", "Thị trấn")]
    offices = [u for u in units if u["parent_code"] in BK_DISTRICTS and "-" in u["code"]]
    t = {2019: {}, 2020: {}}

    # Departments 2020: Sở Công Thương 1st at 93.44, the Văn phòng 2nd; 2 Xuất sắc, 16 Tốt, 1 Khá.
    rest = [c for c in depts if c not in ("06-SCT", "06-VP")]
    rng.shuffle(rest)
    order20 = ["06-SCT", "06-VP"] + rest
    vals = [near(rng, "93.44"), rdec(rng, "90.60", "92.90", 4)]
    vals += distinct_values(rng, 16, "80.30", "89.70") + distinct_values(rng, 1, "73.50", "79.20")
    t[2020].update(zip(order20, vals))
    # Departments 2019: the Văn phòng 4th; 5 Xuất sắc, 13 Tốt, 1 Khá.
    others = perturbed(rng, [c for c in order20 if c != "06-VP"], 4)
    order19 = others[:3] + ["06-VP"] + others[3:]
    vals = distinct_values(rng, 5, "90.20", "95.10") + distinct_values(rng, 13, "80.40", "89.80")
    vals += distinct_values(rng, 1, "72.00", "79.00")
    t[2019].update(zip(order19, vals))

    # Districts 2020: Thành phố Bắc Kạn 1st at 83.38, Ngân Sơn 2nd; 6 Tốt, 2 Khá.
    rest = [c for c in BK_DISTRICTS if c not in ("058", "062")]
    rng.shuffle(rest)
    order20 = ["058", "062"] + rest
    vals = [near(rng, "83.38")] + distinct_values(rng, 5, "80.20", "83.20") + distinct_values(rng, 2, "72.50", "79.60")
    t[2020].update(zip(order20, vals))
    # Districts 2019: Ngân Sơn 4th; 3 Tốt, 5 Khá.
    others = perturbed(rng, [c for c in order20 if c != "062"], 2)
    order19 = others[:3] + ["062"] + others[3:]
    vals = distinct_values(rng, 3, "80.20", "86.50") + distinct_values(rng, 5, "71.00", "79.80")
    t[2019].update(zip(order19, vals))

    # Communes, all districts together: 2020 12 Xuất sắc, 78 Tốt, 18 Khá (published);
    # 2019 more Xuất sắc, fewer Tốt, and some Trung bình.
    effect = {d: D(rng.randint(-200, 200)).scaleb(-2) for d in BK_DISTRICTS}
    effect[CITY] = D(3)
    latent = {u["code"]: effect[u["parent_code"]] + D(rng.randint(-600, 600)).scaleb(-2) for u in communes}
    order20 = sorted(latent, key=lambda c: (-latent[c], c))
    n = len(order20)
    counts20 = scale_counts([12, 78, 18], n)
    vals = (distinct_values(rng, counts20[0], "90.10", "96.80") + distinct_values(rng, counts20[1], "80.10", "89.90")
            + distinct_values(rng, counts20[2], "71.00", "79.90"))
    t[2020].update(zip(order20, vals))
    latent19 = {c: latent[c] + D(rng.randint(-500, 500)).scaleb(-2) for c in latent}
    order19 = sorted(latent19, key=lambda c: (-latent19[c], c))
    counts19 = scale_counts([16, 68, 20, 4], n)
    vals = (distinct_values(rng, counts19[0], "90.10", "97.20") + distinct_values(rng, counts19[1], "80.10", "89.90")
            + distinct_values(rng, counts19[2], "70.30", "79.90") + distinct_values(rng, counts19[3], "61.50", "69.80"))
    t[2019].update(zip(order19, vals))

    # Offices: any plausible spread, per district.
    type_effect = {}
    for o in offices:
        suffix = o["code"].split("-", 1)[1]
        type_effect.setdefault(suffix, D(rng.randint(-300, 300)).scaleb(-2))
    for year in (2019, 2020):
        for d in BK_DISTRICTS:
            taken = set()
            for o in (o for o in offices if o["parent_code"] == d):
                suffix = o["code"].split("-", 1)[1]
                base = D(85) + type_effect[suffix] + effect[d] + (D(1) if year == 2020 else D(0))
                while True:
                    v = base + D(rng.randint(-700, 700)).scaleb(-2) + rdec(rng, "0", "0.0099", 4)
                    v = max(D("71.5"), min(D("97.5"), v))
                    if v not in taken:
                        taken.add(v)
                        break
                t[year][o["code"]] = v
    return t, counts20, counts19


def scale_counts(counts, n):
    total = sum(counts)
    if total == n:
        return counts
    scaled = [c * n // total for c in counts]
    scaled[1] += n - sum(scaled)
    return scaled


def plan_thai_nguyen(rng, units, prev_index):
    t = {}
    depts = [u for u in units if u["level"] == "2" and "-" in u["code"]]
    vals = distinct_values(rng, len(depts), "81.00", "95.50")
    rng.shuffle(vals)
    for u, v in zip(depts, vals):
        t[u["code"]] = v
    taken = set()
    for u in units:
        if u["level"] != "2" or "-" in u["code"]:
            continue
        preds = [p.split(":")[0] for p in u["predecessors"].split(";") if p]
        known = [prev_index[p] for p in preds if p in prev_index]
        base = sum(known, D(0)) / len(known) if known else D(84) + D(rng.randint(-500, 500)).scaleb(-2)
        while True:
            v = q(base + D(rng.randint(-500, 650)).scaleb(-2), 2) + rdec(rng, "0", "0.0099", 4)
            v = max(D("70.5"), min(D("97.5"), v))
            if v not in taken:
                taken.add(v)
                break
        t[u["code"]] = v
    return t


# ---------------------------------------------------------------------------
# Writing files
# ---------------------------------------------------------------------------

def is_scalar(v):
    return v is None or isinstance(v, (str, bool, int, Decimal))


def jdump(o, ind=0):
    sp = "  "
    if isinstance(o, dict):
        flat = all(is_scalar(v) or (isinstance(v, list) and all(is_scalar(x) for x in v))
                   or (isinstance(v, dict) and all(is_scalar(x) or isinstance(x, list) for x in v.values()))
                   for v in o.values())
        if flat:
            return "{ " + ", ".join(f"{json.dumps(k, ensure_ascii=False)}: {jdump(v)}" for k, v in o.items()) + " }"
        inner = ",\n".join(sp * (ind + 1) + json.dumps(k, ensure_ascii=False) + ": " + jdump(v, ind + 1)
                           for k, v in o.items())
        return "{\n" + inner + "\n" + sp * ind + "}"
    if isinstance(o, list):
        if all(is_scalar(x) for x in o):
            return "[" + ", ".join(jdump(x) for x in o) + "]"
        return "[\n" + ",\n".join(sp * (ind + 1) + jdump(x, ind + 1) for x in o) + "\n" + sp * ind + "]"
    if isinstance(o, bool):
        return "true" if o else "false"
    if isinstance(o, Decimal):
        return fmt(o)
    if o is None:
        return "null"
    return json.dumps(o, ensure_ascii=False)


def write_csv(path, header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")  # QUOTE_MINIMAL: RFC 4180 quoting where needed
    w.writerow(header)
    for r in rows:
        w.writerow([r[h] for h in header] if isinstance(r, dict) else r)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(buf.getvalue(), encoding="utf-8")


def group(code, name, assessor, framework, units=None, selector=None, tie=()):
    g = {"code": code, "name": name, "assessor": assessor, "framework": framework}
    if units is not None:
        g["units"] = units
    if selector is not None:
        g["selector"] = selector
    g["bands"] = [{"label": label, "min": D(mn)} for label, mn in BANDS]
    g["tieBreakers"] = list(tie)
    g["displayDecimals"] = 2
    g["notRanked"] = []
    g["allowOver100"] = False
    return g


def bac_kan_groups(units, year):
    names = {u["code"]: u["name"] for u in units}
    depts = [u["code"] for u in units if u["parent_code"] == BK and "-" in u["code"]]
    groups = [group("so", "Sở, ban, ngành", BK, f"so-{year}", units=depts, tie=("appraisal", "survey")),
              group("huyen", "UBND các huyện, thành phố", BK, f"huyen-{year}", units=list(BK_DISTRICTS),
                    tie=("appraisal", "survey"))]
    for d in BK_DISTRICTS:
        groups.append(group(f"xa-{d}", f"UBND các xã, phường, thị trấn thuộc {district_phrase(names[d])}", d,
                            f"xa-{year}", selector={"parent": d, "level": 3, "types": ["Xã", "Phường", "Thị trấn"]}))
    for d in BK_DISTRICTS:
        offices = [u["code"] for u in units if u["parent_code"] == d and "-" in u["code"]]
        groups.append(group(f"phong-{d}", f"Cơ quan chuyên môn thuộc UBND {district_phrase(names[d])}", d,
                            f"phong-{year}", units=offices))
    return groups


def resolve(group_def, units, year, ref=None):
    """Codes of the group's units valid on 31 December of the year (or the reference date)."""
    day = ref or f"{year}-12-31"
    valid = [u for u in units if (not u["valid_from"] or u["valid_from"] <= day)
             and (not u["valid_to"] or u["valid_to"] >= day)]
    by_code = {}
    for u in valid:
        if u["code"] in by_code:
            raise AssertionError(f"two units with code {u['code']} valid on {day}")
        by_code[u["code"]] = u
    if "units" in group_def:
        missing = [c for c in group_def["units"] if c not in by_code]
        if missing:
            raise AssertionError(f"group {group_def['code']}: units not valid on {day}: {missing}")
        return list(group_def["units"]), by_code
    s = group_def["selector"]
    codes = [u["code"] for u in valid if u["parent_code"] == s["parent"] and int(u["level"]) == int(s["level"])
             and ("types" not in s or u["type"] in s["types"])]
    return codes, by_code


def abbr_of(code, unit_type):
    if "-" in code:
        return code.split("-", 1)[1]
    return "UBND"


def generate(shared, out):
    rng = random.Random(SEED)
    fws = make_frameworks()
    bk_units = build_bac_kan_units(shared)
    tn_units = build_thai_nguyen_units(shared)
    write_csv(out / "bac-kan" / "units.csv", UNIT_HEADER, bk_units)
    write_csv(out / "thai-nguyen" / "units.csv", UNIT_HEADER, tn_units)

    targets, _, _ = plan_bac_kan(rng, bk_units)
    exact_2020 = {}
    for year in (2019, 2020):
        groups = bac_kan_groups(bk_units, year)
        cycle = {"id": f"par-{year}-06", "year": year, "kind": "PAR",
                 "title": f"Chỉ số cải cách hành chính năm {year} — tỉnh Bắc Kạn",
                 "previousCycles": ["par-2019-06"] if year == 2020 else [],
                 "frameworks": [fws[(k, year)][0] for k in ("so", "huyen", "xa", "phong")],
                 "groups": groups}
        (out / "bac-kan" / f"cycle-{year}.json").write_text(jdump(cycle) + "\n", encoding="utf-8")
        rows = []
        for g in groups:
            meta = fws[(g["framework"].rsplit("-", 1)[0], year)][1]
            codes, by_code = resolve(g, bk_units, year)
            for c in codes:
                rows.extend(scorecard(rng, c, abbr_of(c, by_code[c]["type"]), meta, targets[year][c], year))
        write_csv(out / "bac-kan" / f"scores-{year}.csv", SCORE_HEADER, rows)

    # Thái Nguyên 2025 compares with Bắc Kạn 2020: use the computed 2020 indices as its starting level.
    res2020 = compute_cycle(out / "bac-kan" / "cycle-2020.json", out / "bac-kan" / "scores-2020.csv",
                            [out / "bac-kan" / "units.csv"])
    for gres in res2020["groups"].values():
        for r in gres["rows"]:
            exact_2020[r["unit"]] = r["index"]
    t25 = plan_thai_nguyen(rng, tn_units, exact_2020)
    depts = [u["code"] for u in tn_units if "-" in u["code"]]
    groups = [group("so", "Sở, ban, ngành", TN, "so-2025", units=depts, tie=("appraisal", "survey")),
              group("xa", "UBND các xã, phường", TN, "xa-2025",
                    selector={"parent": TN, "level": 2, "types": ["Xã", "Phường"]})]
    cycle = {"id": "par-2025-19", "year": 2025, "kind": "PAR",
             "title": "Chỉ số cải cách hành chính năm 2025 — tỉnh Thái Nguyên",
             "previousCycles": ["par-2020-06"],
             "frameworks": [fws[("so", 2025)][0], fws[("xa", 2025)][0]],
             "groups": groups,
             "questionnaires": tn_questionnaires()}
    (out / "thai-nguyen" / "cycle-2025.json").write_text(jdump(cycle) + "\n", encoding="utf-8")
    rows = []
    for g in groups:
        meta = fws[(g["framework"].rsplit("-", 1)[0], 2025)][1]
        codes, by_code = resolve(g, tn_units, 2025)
        for c in codes:
            rows.extend(scorecard(rng, c, abbr_of(c, by_code[c]["type"]), meta, t25[c], 2025))
    write_csv(out / "thai-nguyen" / "scores-2025.csv", SCORE_HEADER, rows)
    write_csv(out / "thai-nguyen" / "answers-2025.csv", ANSWER_HEADER, tn_paper_answers(depts))


# The survey of Thái Nguyên 2025: questionnaires per respondent group, each question mapped to a Survey
# item; the common mapping A 100 %, B 60 %, C 20 %, D 0 %, and "không biết" not counted.
OPTIONS = [{"code": "A", "label": "Rất tốt", "fraction": 1.0}, {"code": "B", "label": "Tốt", "fraction": 0.6},
           {"code": "C", "label": "Chưa tốt", "fraction": 0.2}, {"code": "D", "label": "Kém", "fraction": 0.0},
           {"code": "E", "label": "Không biết", "fraction": None}]
ANSWER_HEADER = ["respondent_id", "unit_code", "questionnaire", "question_code", "answer"]


def tn_questionnaires():
    def qs(pairs):
        return [{"code": f"Q{i + 1}", "item": item, "text": text} for i, (item, text) in enumerate(pairs)]
    return [
        {"code": "P01", "title": "Phiếu 01 — đại biểu HĐND tỉnh, lãnh đạo UBND tỉnh đánh giá sở, ban, ngành", "group": "so",
         "respondents": "Đại biểu HĐND tỉnh, lãnh đạo UBND tỉnh", "quota": 5, "options": OPTIONS,
         "questions": qs([("1.7.1", "Kế hoạch CCHC năm của cơ quan được ban hành kịp thời, đầy đủ?"),
                          ("1.7.2", "Người đứng đầu cơ quan chỉ đạo, điều hành CCHC quyết liệt?"),
                          ("8.1.1", "Hệ thống văn bản thuộc lĩnh vực cơ quan quản lý đồng bộ, thống nhất?"),
                          ("8.5", "Cơ quan tác động tích cực đến phát triển kinh tế – xã hội của ngành, lĩnh vực?")])},
        {"code": "P02", "title": "Phiếu 02 — người dân, doanh nghiệp giao dịch tại sở, ban, ngành", "group": "so",
         "respondents": "Người dân, doanh nghiệp đã giải quyết TTHC", "quota": 15, "options": OPTIONS,
         "questions": qs([("3.6.1", "Thủ tục hành chính của cơ quan được công khai, minh bạch?"),
                          ("3.6.2", "Công chức tiếp nhận, giải quyết hồ sơ có thái độ phục vụ tốt?"),
                          ("3.6.3", "Hồ sơ được giải quyết đúng hoặc sớm hơn thời hạn quy định?"),
                          ("8.2.1", "Ông/bà hài lòng khi giải quyết TTHC tại cơ quan?")])},
        {"code": "P03", "title": "Phiếu 03 — người dân đánh giá UBND xã, phường", "group": "xa",
         "respondents": "Người dân đã giải quyết TTHC tại xã, phường", "quota": 10, "options": OPTIONS,
         "questions": qs([("3.6.1", "Thủ tục hành chính được niêm yết công khai, dễ tìm?"),
                          ("3.6.2", "Công chức xã, phường có thái độ phục vụ tốt?"),
                          ("8.1", "Ông/bà hài lòng với việc giải quyết TTHC tại xã, phường?"),
                          ("8.5", "Ông/bà tin tưởng vào chính quyền xã, phường?")])},
    ]


def tn_paper_answers(depts):
    """Paper questionnaires P02 for three departments, to try `import survey-answers` (its own seed: the rest is unchanged)."""
    rng = random.Random(SEED + 2025)
    rows = []
    for unit in depts[:3]:
        for n in range(1, 6):
            respondent = f"giay-{unit}-{n:02d}"
            for i in range(4):
                rows.append([respondent, unit, "P02", f"Q{i + 1}", rng.choice("AAABBBCDE")])
    return rows


# ---------------------------------------------------------------------------
# Verification: re-read the files and recompute by the scoring rules
# ---------------------------------------------------------------------------

class Failure(Exception):
    pass


def check(cond, msg):
    if not cond:
        raise Failure(msg)


def places(s):
    return -D(s).as_tuple().exponent if "." in s else 0


def load_units(paths):
    units = []
    for p in paths:
        with open(p, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        check(rows and list(rows[0].keys()) == UNIT_HEADER, f"{p}: header")
        units.extend(rows)
    return units


def framework_items(fw):
    items = []
    for f in fw["fields"]:
        for c in f["criteria"]:
            if "items" in c:
                check("max" not in c and "source" not in c, f"{fw['code']} {c['code']}: items and max")
                for i in c["items"]:
                    items.append(dict(i, field=f["code"]))
            else:
                items.append(dict(c, field=f["code"]))
    return items


def compute_cycle(cycle_path, scores_path, unit_paths):
    cycle = json.loads(Path(cycle_path).read_text(encoding="utf-8"), parse_float=D, parse_int=D)
    year = int(cycle["year"])
    units = load_units(unit_paths)
    fws = {}
    for fw in cycle["frameworks"]:
        items = framework_items(fw)
        codes = [i["code"] for i in items]
        check(len(codes) == len(set(codes)), f"{fw['code']}: duplicate item codes")
        for i in items:
            check(i["source"] in SOURCES.values(), f"{fw['code']} {i['code']}: source")
            check(i["max"] > 0, f"{fw['code']} {i['code']}: max")
        fws[fw["code"]] = {i["code"]: i for i in items}
    check(len(fws) == len(cycle["frameworks"]), "duplicate framework codes")
    gcodes = [g["code"] for g in cycle["groups"]]
    check(len(gcodes) == len(set(gcodes)), "duplicate group codes")

    with open(scores_path, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        check(header == SCORE_HEADER, f"{scores_path}: header")
        raw = list(reader)
    scores = {}
    for n, r in enumerate(raw, start=2):
        check(len(r) == 5, f"{scores_path}:{n}: {len(r)} columns")
        scores.setdefault(r[0], []).append((n, r))

    unit_group = {}
    result = {"cycle": cycle, "groups": {}, "units": {u["code"]: u for u in units}}
    for g in cycle["groups"]:
        codes, by_code = resolve(g, units, year, cycle.get("referenceDate"))
        check(codes, f"group {g['code']}: no units")
        check(g["framework"] in fws, f"group {g['code']}: unknown framework")
        items = fws[g["framework"]]
        rows = []
        for c in codes:
            check(c not in unit_group, f"unit {c} in groups {unit_group.get(c)} and {g['code']}")
            unit_group[c] = g["code"]
            vals = {}
            for n, r in scores.get(c, []):
                _, ic, kind, v, note = r
                check(ic in items, f"{scores_path}:{n}: unknown item {ic} for {c}")
                it = items[ic]
                src = it["source"]
                fits = {"self": "Appraisal", "appraised": "Appraisal", "survey": "Survey",
                        "bonus": "Bonus", "penalty": "Penalty"}
                if kind == "not_applicable":
                    check(v == "" and note, f"{scores_path}:{n}: not_applicable needs an empty value and a reason")
                    check(src in ("Appraisal", "Survey"), f"{scores_path}:{n}: not_applicable on {src}")
                    vals[(ic, kind)] = True
                    continue
                check(kind in fits, f"{scores_path}:{n}: kind {kind}")
                check(fits[kind] == src, f"{scores_path}:{n}: kind {kind} does not fit source {src}")
                x = D(v)
                check(D(0) <= x <= it["max"], f"{scores_path}:{n}: {c} {ic} {kind} {v} outside 0..{fmt(it['max'])}")
                limit = 4 if kind == "survey" else 3
                check(places(v) <= limit, f"{scores_path}:{n}: {v} has more than {limit} decimals")
                vals[(ic, kind)] = x
            obtained, maximum, app_sub, sur_sub, provisional = D(0), D(0), D(0), D(0), False
            fields = {}
            for ic, it in items.items():
                src = it["source"]
                if src in ("Appraisal", "Survey"):
                    if (ic, "not_applicable") in vals:
                        check((ic, "self") not in vals and (ic, "appraised") not in vals and (ic, "survey") not in vals,
                              f"{c} {ic}: scores on a not-applicable item")
                        continue
                    if src == "Appraisal":
                        check((ic, "self") in vals and (ic, "appraised") in vals, f"{c} {ic}: self/appraised missing")
                        e = vals.get((ic, "appraised"), vals.get((ic, "self")))
                    else:
                        check((ic, "survey") in vals, f"{c} {ic}: survey missing")
                        e = vals.get((ic, "survey"))
                    if e is None:
                        e, provisional = D(0), True
                    obtained += e
                    maximum += it["max"]
                    fo, fm = fields.get(it["field"], (D(0), D(0)))
                    fields[it["field"]] = (fo + e, fm + it["max"])
                    if src == "Appraisal":
                        app_sub += e
                    else:
                        sur_sub += e
                elif src == "Bonus":
                    obtained += vals.get((ic, "bonus"), D(0))
                else:
                    obtained -= vals.get((ic, "penalty"), D(0))
            check(maximum > 0, f"{c}: maximum 0")
            index = obtained / maximum * 100
            if not g["allowOver100"]:
                index = min(max(index, D(0)), D(100))
            disp = display(index, int(g["displayDecimals"]))
            label = None
            for b in g["bands"]:
                if disp >= b["min"]:
                    label = b["label"]
                    break
            rows.append({"unit": c, "name": by_code[c]["name"], "obtained": obtained, "maximum": maximum,
                         "index": index, "display": disp, "class": label, "appraisal": app_sub,
                         "survey": sur_sub, "provisional": provisional, "fields": fields})
        rows.sort(key=lambda r: (-r["index"], -r["appraisal"], -r["survey"], r["unit"]))
        rank = 0
        for i, r in enumerate(rows):
            if i == 0 or r["index"] != rows[i - 1]["index"]:
                rank = i + 1
            r["rank"] = rank
        idx = [r["index"] for r in rows]
        check(len(idx) == len(set(idx)), f"group {g['code']}: exact ties")
        result["groups"][g["code"]] = {"def": g, "rows": rows}
    stray = set(scores) - set(unit_group)
    check(not stray, f"{scores_path}: scores for units in no group: {sorted(stray)[:5]}")
    return result


def counts(rows):
    c = {label: 0 for label, _ in BANDS}
    for r in rows:
        c[r["class"]] += 1
    return c


def fmt_counts(c):
    return " · ".join(f"{k} {v}" for k, v in c.items() if v) or "—"


def verify(out, shared):
    report = []
    say = report.append
    bk_units_path = out / "bac-kan" / "units.csv"
    tn_units_path = out / "thai-nguyen" / "units.csv"
    all_units = load_units([bk_units_path, tn_units_path])

    # Units: copied rows equal the national lists; codes unique per validity; parents exist.
    src03 = {r["code"]: r for r in read_csv_rows(shared / "vn-admin-units-2025-03.csv")}
    src07 = {r["code"]: r for r in read_csv_rows(shared / "vn-admin-units-2025-07.csv")}
    bk = load_units([bk_units_path])
    tn = load_units([tn_units_path])
    admin_bk = [u for u in bk if "-" not in u["code"]]
    for u in admin_bk:
        check(src03.get(u["code"]) == u, f"bac-kan/units.csv: {u['code']} differs from vn-admin-units-2025-03.csv")
    n_bk_communes = sum(1 for u in admin_bk if u["level"] == "3")
    expected = [c for c, r in src03.items() if r["parent_code"] in BK_DISTRICTS]
    check(n_bk_communes == len(expected), "Bắc Kạn communes incomplete")
    for u in tn:
        if "-" not in u["code"]:
            check(src07.get(u["code"]) == u, f"thai-nguyen/units.csv: {u['code']} differs from vn-admin-units-2025-07.csv")
    check(sum(1 for u in tn if u["parent_code"] == TN and "-" not in u["code"])
          == sum(1 for r in src07.values() if r["parent_code"] == TN), "Thái Nguyên communes incomplete")
    for name, us in (("bac-kan", bk), ("thai-nguyen", tn)):
        codes = [u["code"] for u in us]
        check(len(codes) == len(set(codes)), f"{name}/units.csv: duplicate codes")
        known = set(codes)
        for u in us:
            check(not u["parent_code"] or u["parent_code"] in known, f"{name}: parent of {u['code']} missing")
            check(u["level"] == "1" or u["level"] == str(int(next(p for p in us if p["code"] == u["parent_code"])["level"]) + 1),
                  f"{name}: level of {u['code']}")
    by_code = {}
    for u in all_units:
        by_code.setdefault(u["code"], []).append(u)
    reused = 0
    for code, us in by_code.items():
        if len(us) > 1:
            reused += 1
            spans = sorted((u["valid_from"] or "0000-00-00", u["valid_to"] or "9999-12-31") for u in us)
            for a, b in zip(spans, spans[1:]):
                check(a[1] < b[0], f"code {code}: validity periods overlap")
    say(f"units: bac-kan {len(bk)} rows (1 province, {sum(1 for u in bk if u['parent_code']==BK and '-' in u['code'])} "
        f"departments, {len(BK_DISTRICTS)} districts, {n_bk_communes} communes, "
        f"{sum(1 for u in bk if u['level']=='3' and '-' in u['code'])} offices); thai-nguyen {len(tn)} rows "
        f"(1 province, {sum(1 for u in tn if '-' in u['code'])} departments, "
        f"{sum(1 for u in tn if u['parent_code']==TN and '-' not in u['code'])} communes); "
        f"{reused} codes reused across the two files with disjoint validity")

    results = {}
    specs = [("par-2019-06", out / "bac-kan" / "cycle-2019.json", out / "bac-kan" / "scores-2019.csv", [bk_units_path]),
             ("par-2020-06", out / "bac-kan" / "cycle-2020.json", out / "bac-kan" / "scores-2020.csv", [bk_units_path]),
             ("par-2025-19", out / "thai-nguyen" / "cycle-2025.json", out / "thai-nguyen" / "scores-2025.csv",
              [bk_units_path, tn_units_path])]
    for cid, cp, sp, ups in specs:
        res = compute_cycle(cp, sp, ups)
        cyc = res["cycle"]
        check(cyc["id"] == cid, f"{cp}: id {cyc['id']}")
        results[cid] = res
        say("")
        say(f"== {cid} ({cp.relative_to(out)}, {sp.relative_to(out)}: {sum(1 for _ in open(sp, encoding='utf-8')) - 1} score rows)")
        for fw in cyc["frameworks"]:
            items = framework_items(fw)
            tot = {s: sum((i["max"] for i in items if i["source"] == s), D(0)) for s in SOURCES.values()}
            check(tot["Appraisal"] == 70 and tot["Survey"] == 30,
                  f"{fw['code']}: appraisal {tot['Appraisal']} + survey {tot['Survey']}")
            fcodes = [f["code"] for f in fw["fields"]]
            check(fcodes[:8] == [str(i) for i in range(1, 9)], f"{fw['code']}: field codes {fcodes}")
            ncrit = sum(len(f["criteria"]) for f in fw["fields"])
            say(f"   framework {fw['code']}: {len(fw['fields'])} fields, {ncrit} criteria, {len(items)} items; "
                f"appraisal {fmt(tot['Appraisal'])} + survey {fmt(tot['Survey'])}; "
                f"bonus {fmt(tot['Bonus'])}, penalty {fmt(tot['Penalty'])} (outside the maximum)")
        commune_rows = []
        for gcode, gres in res["groups"].items():
            rows = gres["rows"]
            g = gres["def"]
            top = "; ".join(f"{r['rank']}. {r['unit']} {r['name']} {r['display']}" for r in rows[:3])
            sel = (f" selector {json.dumps(g['selector'], ensure_ascii=False, default=int)}"
                   if "selector" in g else "")
            say(f"   {gcode:10} {len(rows):3} units{sel}: {fmt_counts(counts(rows))}")
            say(f"              top 3: {top}")
            if gcode.startswith("xa-"):
                commune_rows.extend(rows)
            check(not any(r["provisional"] for r in rows), f"{gcode}: provisional results")
        if commune_rows:
            say(f"   all communes ({len(commune_rows)}): {fmt_counts(counts(commune_rows))}")
        res["commune_counts"] = counts(commune_rows) if commune_rows else None

    # The published 2020 figures (Quyết định 202/QĐ-UBND ngày 09/02/2021) and the 2019 comparisons.
    r20, r19 = results["par-2020-06"], results["par-2019-06"]
    so20, so19 = r20["groups"]["so"]["rows"], r19["groups"]["so"]["rows"]
    hu20, hu19 = r20["groups"]["huyen"]["rows"], r19["groups"]["huyen"]["rows"]
    c20, c19 = r20["commune_counts"], r19["commune_counts"]
    n_communes = sum(c20.values())
    exp20 = dict(zip(["Xuất sắc", "Tốt", "Khá"], scale_counts([12, 78, 18], n_communes)))
    checks = [
        ("so 2020: 2 Xuất sắc, 16 Tốt, 1 Khá", counts(so20) == {"Xuất sắc": 2, "Tốt": 16, "Khá": 1, "Trung bình": 0, "Yếu": 0}),
        ("so 2020: 1st Sở Công Thương 93.44", so20[0]["unit"] == "06-SCT" and str(so20[0]["display"]) == "93.44"),
        ("so 2020: 2nd Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh", so20[1]["unit"] == "06-VP" and so20[1]["rank"] == 2),
        ("so 2019: Văn phòng 4th", next(r["rank"] for r in so19 if r["unit"] == "06-VP") == 4),
        ("so 2019: more Xuất sắc, fewer Tốt than 2020",
         counts(so19)["Xuất sắc"] > 2 and counts(so19)["Tốt"] < 16),
        ("huyen 2020: 6 Tốt, 2 Khá", counts(hu20) == {"Xuất sắc": 0, "Tốt": 6, "Khá": 2, "Trung bình": 0, "Yếu": 0}),
        ("huyen 2020: 1st Thành phố Bắc Kạn 83.38", hu20[0]["unit"] == "058" and str(hu20[0]["display"]) == "83.38"),
        ("huyen 2020: 2nd Ngân Sơn", hu20[1]["unit"] == "062" and hu20[1]["rank"] == 2),
        ("huyen 2019: Ngân Sơn 4th", next(r["rank"] for r in hu19 if r["unit"] == "062") == 4),
        (f"communes 2020 ({n_communes}): {exp20['Xuất sắc']} Xuất sắc, {exp20['Tốt']} Tốt, {exp20['Khá']} Khá, no Trung bình",
         c20 == dict(exp20, **{"Trung bình": 0, "Yếu": 0})),
        ("communes 2019: more Xuất sắc, fewer Tốt, some Trung bình",
         c19["Xuất sắc"] > c20["Xuất sắc"] and c19["Tốt"] < c20["Tốt"] and c19["Trung bình"] > 0),
    ]
    say("")
    say("== published Bắc Kạn figures (QĐ 202/QĐ-UBND ngày 09/02/2021) and the 2019 comparison")
    for text, ok in checks:
        say(f"   [{'ok' if ok else 'FAIL'}] {text}")
    failed = [t for t, ok in checks if not ok]

    # Year-over-year for the merged province: previous index of a merged unit = mean of its predecessors'.
    prev = {}
    for gres in r20["groups"].values():
        for r in gres["rows"]:
            prev[r["unit"]] = r["index"]
    r25 = results["par-2025-19"]
    say("")
    say("== par-2025-19 year-over-year against par-2020-06 (mean of predecessors' 2020 indices, derived)")
    units25 = {u["code"]: u for u in tn}
    for gcode in ("so", "xa"):
        rows = r25["groups"][gcode]["rows"]
        derived = []
        for r in rows:
            preds = [p.split(":")[0] for p in units25[r["unit"]]["predecessors"].split(";") if p]
            known = [prev[p] for p in preds if p in prev]
            if known:
                derived.append((r, sum(known, D(0)) / len(known), len(known)))
        say(f"   {gcode}: {len(derived)} of {len(rows)} units have a derived previous index")
        for r, pv, k in derived[:3]:
            say(f"      {r['unit']} {r['name']}: 2025 {r['display']}, previous {display(pv)} "
                f"(mean of {k} Bắc Kạn predecessor{'s' if k > 1 else ''})")
    if failed:
        raise Failure("published figures not reproduced: " + "; ".join(failed))
    return "\n".join(report)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lists", "--shared", dest="shared", type=Path, default=DEFAULT_LISTS, help="folder with vn-admin-units-2025-*.csv")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="examples folder to write")
    ap.add_argument("--check", action="store_true", help="only verify the files already written")
    a = ap.parse_args()
    if not a.check:
        generate(a.shared, a.out)
    try:
        print(verify(a.out, a.shared))
    except Failure as e:
        print(f"VERIFY FAILED: {e}", file=sys.stderr)
        return 1
    print("\nall checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
