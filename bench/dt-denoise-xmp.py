#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes a darktable 4.2 XMP sidecar whose history holds one entry: "denoise (profiled)" at
# its defaults, enabled or not (bench/denoise-quality.sh). The parameters are the module's
# version-11 struct with its declared defaults, the noise profile left to darktable's own
# choice for the camera and ISO (a[0] = -1).
# Usage: dt-denoise-xmp.py on|off OUT.xmp
import struct
import sys

MODE_WAVELETS = 1
MODE_Y0U0V0 = 1
CHANNELS, BANDS = 6, 7

fields = [1.0, 7.0, 1.0, 1.0, 0.0, 0.0, 0.1, 1.0]  # radius … overshooting
blob = struct.pack("<8f", *fields)
blob += struct.pack("<6f", -1.0, -1.0, -1.0, -1.0, -1.0, -1.0)  # a[3], b[3]: auto profile
blob += struct.pack("<i", MODE_WAVELETS)
blob += struct.pack(f"<{CHANNELS * BANDS}f", *[b / (BANDS - 1) for _ in range(CHANNELS) for b in range(BANDS)])
blob += struct.pack(f"<{CHANNELS * BANDS}f", *([0.5] * (CHANNELS * BANDS)))
blob += struct.pack("<4i", 1, 1, 1, MODE_Y0U0V0)

enabled = "1" if sys.argv[1] == "on" else "0"
with open(sys.argv[2], "w") as f:
    f.write(f"""<?xml version="1.0" encoding="UTF-8"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="XMP Core 4.4.0-Exiv2">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:darktable="http://darktable.sf.net/"
   darktable:xmp_version="5"
   darktable:history_end="1">
   <darktable:history>
    <rdf:Seq>
     <rdf:li
      darktable:num="0"
      darktable:operation="denoiseprofile"
      darktable:enabled="{enabled}"
      darktable:modversion="11"
      darktable:params="{blob.hex()}"
      darktable:multi_name=""
      darktable:multi_priority="0"/>
    </rdf:Seq>
   </darktable:history>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
""")
