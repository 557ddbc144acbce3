// A drawn signature (finger or mouse) → PNG base64. Empty until something is drawn.
import { Button, Space } from "antd";
import { useEffect, useRef, useState } from "react";

export default function SignaturePad({ onChange, testId }: { onChange: (pngBase64: string | null) => void; testId?: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [empty, setEmpty] = useState(true);
  useEffect(() => {
    const c = ref.current!;
    const ctx = c.getContext("2d")!;
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, c.width, c.height);
    ctx.lineWidth = 3;
    ctx.lineCap = "round";
    ctx.strokeStyle = "#000";
  }, []);
  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = ref.current!.getBoundingClientRect();
    return { x: ((e.clientX - r.left) * ref.current!.width) / r.width, y: ((e.clientY - r.top) * ref.current!.height) / r.height };
  };
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <canvas
        ref={ref}
        width={600}
        height={200}
        data-testid={testId}
        aria-label="手写签名区域"
        style={{ width: "100%", maxWidth: 600, height: 140, border: "1px dashed #999", borderRadius: 6, touchAction: "none", background: "#fff" }}
        onPointerDown={(e) => {
          drawing.current = true;
          const p = point(e);
          const ctx = ref.current!.getContext("2d")!;
          ctx.beginPath();
          ctx.moveTo(p.x, p.y);
        }}
        onPointerMove={(e) => {
          if (!drawing.current) return;
          const p = point(e);
          const ctx = ref.current!.getContext("2d")!;
          ctx.lineTo(p.x, p.y);
          ctx.stroke();
          if (empty) setEmpty(false);
        }}
        onPointerUp={() => {
          drawing.current = false;
          if (!empty) onChange(ref.current!.toDataURL("image/png").split(",")[1]);
        }}
      />
      <Button
        size="small"
        onClick={() => {
          const c = ref.current!;
          const ctx = c.getContext("2d")!;
          ctx.fillStyle = "#fff";
          ctx.fillRect(0, 0, c.width, c.height);
          setEmpty(true);
          onChange(null);
        }}
      >
        清除重签
      </Button>
    </Space>
  );
}
