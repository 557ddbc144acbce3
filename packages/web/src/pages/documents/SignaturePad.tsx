// An on-screen signature pad for the recipient (phone-sized): draw with a finger or the mouse; the
// result is a PNG (transparent background) for the delivery record.
import { Button, Flex, Typography } from "antd";
import { useEffect, useRef, useState } from "react";

export interface SignaturePadProps {
  /** Called with the PNG as base64 (no data: prefix), or undefined when cleared. */
  onChange: (pngBase64: string | undefined) => void;
  height?: number;
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
    onChange(canvas.current!.toDataURL("image/png").replace(/^data:image\/png;base64,/, ""));
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
