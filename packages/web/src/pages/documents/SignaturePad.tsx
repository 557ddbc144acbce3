// An on-screen signature pad for the recipient (phone-sized): draw with a finger or the mouse; the
// result is a PNG (transparent background) for the delivery record.
import { Button, Flex, Typography } from "antd";
import { useEffect, useRef, useState } from "react";

export interface SignaturePadProps {
  /** Called with the PNG as base64 (no data: prefix), or undefined when cleared. */
  onChange: (pngBase64: string | undefined) => void;
  height?: number;
}

/**
 * The drawn strokes cut out of the pad (transparent margins removed, a small border kept), so the
 * printed signature is as large as its line allows instead of a small scribble in a wide empty box.
 */
function inkPng(c: HTMLCanvasElement): string {
  const { width, height } = c;
  const data = c.getContext("2d")!.getImageData(0, 0, width, height).data;
  let x0 = width,
    y0 = height,
    x1 = -1,
    y1 = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (data[(y * width + x) * 4 + 3] === 0) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  }
  let source = c;
  if (x1 >= 0) {
    const pad = 6;
    x0 = Math.max(0, x0 - pad);
    y0 = Math.max(0, y0 - pad);
    x1 = Math.min(width - 1, x1 + pad);
    y1 = Math.min(height - 1, y1 + pad);
    source = document.createElement("canvas");
    source.width = x1 - x0 + 1;
    source.height = y1 - y0 + 1;
    source.getContext("2d")!.drawImage(c, x0, y0, source.width, source.height, 0, 0, source.width, source.height);
  }
  return source.toDataURL("image/png").replace(/^data:image\/png;base64,/, "");
}

export default function SignaturePad({ onChange, height = 180 }: SignaturePadProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [empty, setEmpty] = useState(true);

  useEffect(() => {
    const c = canvas.current!;
    const ratio = window.devicePixelRatio || 1;
    c.width = c.clientWidth * ratio;
    c.height = height * ratio;
    const ctx = c.getContext("2d")!;
    ctx.scale(ratio, ratio);
    ctx.lineWidth = 2.5;
    ctx.lineCap = "round";
    ctx.lineJoin = "round";
    ctx.strokeStyle = "#1a1a6e";
  }, [height]);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = canvas.current!.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const down = (e: React.PointerEvent<HTMLCanvasElement>) => {
    e.preventDefault();
    canvas.current!.setPointerCapture(e.pointerId);
    drawing.current = true;
    const ctx = canvas.current!.getContext("2d")!;
    const p = point(e);
    ctx.beginPath();
    ctx.moveTo(p.x, p.y);
    ctx.lineTo(p.x + 0.1, p.y + 0.1);
    ctx.stroke();
  };
  const move = (e: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const ctx = canvas.current!.getContext("2d")!;
    const p = point(e);
    ctx.lineTo(p.x, p.y);
    ctx.stroke();
  };
  const up = () => {
    if (!drawing.current) return;
    drawing.current = false;
    setEmpty(false);
    onChange(inkPng(canvas.current!));
  };
  const clear = () => {
    const c = canvas.current!;
    c.getContext("2d")!.clearRect(0, 0, c.width, c.height);
    setEmpty(true);
    onChange(undefined);
  };

  return (
    <div>
      <canvas
        ref={canvas}
        aria-label="签名板"
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerLeave={up}
        style={{ width: "100%", height, border: "1px dashed #999", borderRadius: 6, touchAction: "none", background: "#fafafa", display: "block" }}
      />
      <Flex justify="space-between" align="center" style={{ marginTop: 4 }}>
        <Typography.Text type="secondary">{empty ? "请受送达人在上方方框内签名" : "已签名"}</Typography.Text>
        <Button size="small" onClick={clear}>
          清除重签
        </Button>
      </Flex>
    </div>
  );
}
